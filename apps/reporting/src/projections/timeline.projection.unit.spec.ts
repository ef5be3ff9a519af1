import { timelineValues, type TimelineMessage } from './timeline.projection';

const message = (payload: Record<string, unknown>, over: Partial<TimelineMessage> = {}): TimelineMessage => ({
  messageId: 'm-1',
  key: 'd-1',
  type: 'AccountPlaced',
  schemaVersion: 1,
  occurredAt: '2026-06-30T10:00:00.000Z',
  payload,
  headers: { ce_source: 'cartera/ledger' },
  topic: 'ledger.events',
  partition: 0,
  offset: '7',
  ...over,
});

/** jsonb's output text of a document: `"key": value`, `, ` between members (any depth). */
const jsonbText = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(jsonbText).join(', ')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.entries(value)
          .map(([k, v]) => `${JSON.stringify(k)}: ${jsonbText(v)}`)
          .join(', ')}}`
      : JSON.stringify(value);

describe('timelineValues', () => {
  it('a replayed message keeps its stored text and ids, the same row the decoded message gives', () => {
    const payload = { accountId: 'a-1', creditorId: 'bank-1', note: 'says "email": no', amountMinor: '100' };
    const decoded = timelineValues(message(payload));
    const replayed = timelineValues(
      message(payload, {
        replayed: { payloadText: jsonbText(payload), creditorId: 'bank-1', accountId: 'a-1' },
      }),
    );
    expect(replayed.slice(0, 11)).toEqual(decoded.slice(0, 11));
    expect(JSON.parse(replayed[11] as string)).toEqual(JSON.parse(decoded[11] as string));
    expect(replayed[11]).toBe(jsonbText(payload));
  });

  it('strips personal data at any depth even from a replayed message', () => {
    const payload = {
      accountId: 'a-1',
      creditorId: 'bank-1',
      debtor: { reference: 'D-1', fullName: 'Ana Pérez', emails: ['ana@example.com'] },
    };
    const row = timelineValues(
      message(payload, {
        replayed: { payloadText: jsonbText(payload), creditorId: 'bank-1', accountId: 'a-1' },
      }),
    );
    expect(JSON.parse(row[11] as string)).toEqual({
      accountId: 'a-1',
      creditorId: 'bank-1',
      debtor: { reference: 'D-1' },
    });
  });

  it('writes the business time in UTC whatever offset the message carries', () => {
    expect(timelineValues(message({}, { occurredAt: '2026-06-30T05:00:00-05:00' }))[2]).toBe(
      '2026-06-30T10:00:00.000Z',
    );
    expect(timelineValues(message({}))[2]).toBe('2026-06-30T10:00:00.000Z');
  });
});
