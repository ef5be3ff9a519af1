import { createUpcasterRegistry } from '../upcasters';
import { envelopeText, EventRow, rowPosition, rowToEvent } from './postgres-rows';

const upcasters = createUpcasterRegistry();
const row = (seq: number, metadata: string | null, streamId = 'account-1'): EventRow => [
  envelopeText({
    generation: 1,
    transactionId: '900',
    seq,
    streamVersion: seq,
    schemaVersion: 1,
    id: `0190f5c2-0000-7000-8000-00000000000${seq}`,
    occurredAtMs: 1767225600500,
    recordedAtMs: 1767225601250,
    type: 'PaymentPosted',
    streamId,
  }),
  `{"amount":{"$bigint":"${seq}00"}}`,
  metadata,
];
// Each row gets its own string, as the driver makes one per field.
const text = (value: object) => JSON.stringify(value).split('').join('');

describe('rowToEvent', () => {
  it('decodes the envelope, reviving bigints in data and metadata', () => {
    const e = rowToEvent(
      row(1, text({ actor: { id: 'u', kind: 'user' }, limit: { $bigint: '9007199254740993' } })),
      upcasters,
    );
    expect(e).toMatchObject({
      streamId: 'account-1',
      streamVersion: 1,
      type: 'PaymentPosted',
      data: { amount: 100n },
    });
    expect(e.metadata).toEqual({ actor: { id: 'u', kind: 'user' }, limit: 9007199254740993n });
    expect(e.occurredAt.toISOString()).toBe('2026-01-01T00:00:00.500Z');
    expect(e.recordedAt.toISOString()).toBe('2026-01-01T00:00:01.250Z');
    expect(e).toMatchObject({
      id: '0190f5c2-0000-7000-8000-000000000001',
      schemaVersion: 1,
      globalPosition: '0001/00000000000000000900/0000000000000000001',
    });
  });

  it('reads every value of the one-text envelope, whatever the stream id holds after the type', () => {
    const streamIds = ['cuenta-ñ 東京 💶', 'a', 'x-y-z with spaces', 'tab\tless/slash|pipe,comma'];
    for (const [i, streamId] of streamIds.entries()) {
      const e = rowToEvent(row(i + 3, null, streamId), upcasters);
      expect(e).toMatchObject({ streamId, streamVersion: i + 3, type: 'PaymentPosted', metadata: {} });
      expect(rowPosition(row(i + 3, null, streamId))).toBe(e.globalPosition);
    }
    // A position prefix made for one transaction is not reused for another.
    const other = row(7, null);
    other[0] = other[0].replace('1\x1f900\x1f', '2\x1f12345\x1f');
    expect(rowToEvent(other, upcasters).globalPosition).toBe('0002/00000000000000012345/0000000000000000007');
    expect(rowToEvent(row(7, null), upcasters).globalPosition).toBe(
      '0001/00000000000000000900/0000000000000000007',
    );
  });

  it('parses a run of identical metadata texts once: one read-only object shared by those events', () => {
    const meta = { actor: { id: 'agent-7', kind: 'user' }, correlationId: 'c-1' };
    const [a, b] = [rowToEvent(row(1, text(meta)), upcasters), rowToEvent(row(2, text(meta)), upcasters)];
    expect(b.metadata).toBe(a.metadata);
    expect(a.metadata).toEqual(meta);
    expect(Object.isFrozen(a.metadata) && Object.isFrozen(a.metadata['actor'])).toBe(true);
    expect(() => {
      (a.metadata['actor'] as { id: string }).id = 'someone else';
    }).toThrow(TypeError);
    const c = rowToEvent(row(3, text({ ...meta, correlationId: 'c-2' })), upcasters);
    expect(c.metadata).toEqual({ ...meta, correlationId: 'c-2' });
    expect(a.metadata).toEqual(meta);
  });
});
