import type { GlobalPosition, RecordedEvent } from './event-store.port';
import { createUpcasterRegistry } from './upcasters';

const recorded = (type: string, schemaVersion: number, data: unknown): RecordedEvent => ({
  id: 'e1',
  type,
  schemaVersion,
  streamId: 'account-1',
  streamVersion: 0,
  globalPosition: '1' as GlobalPosition,
  data,
  metadata: { creditorId: 'cr-1' },
  occurredAt: new Date(0),
  recordedAt: new Date(0),
});

describe('upcaster registry', () => {
  const registry = createUpcasterRegistry([
    { type: 'PaymentPosted', fromVersion: 2, upcast: (d) => ({ ...(d as object), channel: 'unknown' }) },
    {
      type: 'PaymentPosted',
      fromVersion: 1,
      upcast: (d, { metadata }) => ({
        amount: (d as { cents: bigint }).cents,
        creditorId: metadata.creditorId,
      }),
    },
  ]);
  it('chains (type, schemaVersion) steps up to the latest shape', () => {
    expect(registry.upcast(recorded('PaymentPosted', 1, { cents: 5n }))).toMatchObject({
      schemaVersion: 3,
      data: { amount: 5n, creditorId: 'cr-1', channel: 'unknown' },
    });
    expect(registry.upcast(recorded('PaymentPosted', 2, { amount: 1n }))).toMatchObject({
      schemaVersion: 3,
      data: { amount: 1n, channel: 'unknown' },
    });
  });
  it('leaves latest versions and other types untouched (same object)', () => {
    const latest = recorded('PaymentPosted', 3, { amount: 1n });
    expect(registry.upcast(latest)).toBe(latest);
    const other = recorded('AccountPlaced', 1, {});
    expect(registry.upcast(other)).toBe(other);
  });
  it('knows the version new events are stamped with', () => {
    expect(registry.latestVersion('PaymentPosted')).toBe(3);
    expect(registry.latestVersion('AccountPlaced')).toBe(1);
  });
  it('refuses a chain with a hole or a duplicate step', () => {
    expect(() => createUpcasterRegistry([{ type: 'X', fromVersion: 2, upcast: (d) => d }])).toThrow(
      /no step from version 1/,
    );
    expect(() =>
      createUpcasterRegistry([
        { type: 'X', fromVersion: 1, upcast: (d) => d },
        { type: 'X', fromVersion: 1, upcast: (d) => d },
      ]),
    ).toThrow(/Two upcasters for X@1/);
  });
});
