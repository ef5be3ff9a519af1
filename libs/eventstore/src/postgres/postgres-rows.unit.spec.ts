import { createUpcasterRegistry } from '../upcasters';
import { EventRow, rowToEvent } from './postgres-rows';

const upcasters = createUpcasterRegistry();
const row = (seq: number, metadata: string | null): EventRow => [
  1, '900', String(seq), 'account-1', String(seq), 1, `0190f5c2-0000-7000-8000-00000000000${seq}`, 'PaymentPosted',
  1767225600.5, 1767225601.25, `{"amount":{"$bigint":"${seq}00"}}`, metadata,
];
// Each row gets its own string, as the driver makes one per field.
const text = (value: object) => JSON.stringify(value).split('').join('');

describe('rowToEvent', () => {
  it('decodes the envelope, reviving bigints in data and metadata', () => {
    const e = rowToEvent(row(1, text({ actor: { id: 'u', kind: 'user' }, limit: { $bigint: '9007199254740993' } })), upcasters);
    expect(e).toMatchObject({ streamId: 'account-1', streamVersion: 1, type: 'PaymentPosted', data: { amount: 100n } });
    expect(e.metadata).toEqual({ actor: { id: 'u', kind: 'user' }, limit: 9007199254740993n });
    expect(e.occurredAt.toISOString()).toBe('2026-01-01T00:00:00.500Z');
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
