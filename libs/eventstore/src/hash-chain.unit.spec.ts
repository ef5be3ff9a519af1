import { createHash } from 'node:crypto';
import {
  canonicalEvent,
  chainLink,
  ChainVerifier,
  eventDigest,
  GENESIS_HASH,
  HashableEvent,
  verifyChain,
  writeEventDigests,
} from './hash-chain';
import { parseJson, stringifyJson } from './json-codec';

const event = (i: number, data: unknown = { amount: BigInt(i) }): HashableEvent => ({
  id: `0190f5c2-0000-7000-8000-00000000000${i}`,
  type: 'PaymentPosted',
  schemaVersion: 1,
  streamId: 'account-1',
  occurredAt: new Date(`2026-01-0${i + 1}T00:00:00Z`),
  dataJson: stringifyJson(data),
  metadataJson: stringifyJson({ actor: { kind: 'user', id: 'u' } }),
});

const chain = (events: HashableEvent[]) => {
  let prev = GENESIS_HASH;
  return events.map((e, v) => {
    prev = chainLink(prev, v, eventDigest(e));
    return { ...e, streamVersion: v, hash: prev };
  });
};

describe('hash chain', () => {
  it('hashes the canonical event: the same bytes as canonical JSON of the decoded envelope', () => {
    const e = event(0);
    const decoded = {
      ...e,
      data: parseJson(e.dataJson),
      metadata: parseJson(e.metadataJson),
      occurredAt: e.occurredAt.toISOString(),
    };
    const { dataJson: _d, metadataJson: _m, ...rest } = decoded;
    expect(canonicalEvent(e)).toBe(stringifyJson(rest));
  });
  it('links sha256(previous ‖ int64be(version) ‖ digest), starting from 32 zero bytes', () => {
    const digest = eventDigest(event(0));
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.alloc(32), Buffer.from([0, 0, 0, 0, 0, 0, 0, 5]), digest]))
      .digest();
    expect(chainLink(GENESIS_HASH, 5, digest).equals(expected)).toBe(true);
  });
  it('verifies an intact chain', () => {
    const events = chain([event(0), event(1), event(2)]);
    expect(verifyChain('account-1', events, { version: 2, hash: events[2].hash })).toEqual({
      ok: true,
      streamId: 'account-1',
      events: 3,
    });
  });
  it('names the first broken link when data, time or order change', () => {
    const events = chain([event(0), event(1), event(2)]);
    const tampered = events.map((e, i) =>
      i === 1 ? { ...e, dataJson: stringifyJson({ amount: 999n }) } : e,
    );
    expect(verifyChain('account-1', tampered)).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: expect.stringMatching(/hash mismatch/),
    });
    const backdated = events.map((e, i) => (i === 2 ? { ...e, occurredAt: new Date('2020-01-01') } : e));
    expect(verifyChain('account-1', backdated)).toMatchObject({ ok: false, brokenAt: 2 });
    const swapped = [events[0], { ...events[2], streamVersion: 1 }, { ...events[1], streamVersion: 2 }];
    expect(verifyChain('account-1', swapped)).toMatchObject({ ok: false, brokenAt: 1 });
  });
  it('detects a removed event and a truncated tail', () => {
    const events = chain([event(0), event(1), event(2)]);
    expect(verifyChain('account-1', [events[0], events[2]])).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: expect.stringMatching(/removed/),
    });
    expect(verifyChain('account-1', events.slice(0, 2), { version: 2, hash: events[2].hash })).toMatchObject({
      ok: false,
      brokenAt: 2,
    });
  });
  it('gives the same verdict fed a page at a time, counting versions across pages', () => {
    const events = chain([0, 1, 2, 3, 4, 5, 6].map((i) => event(i)));
    const paged = (list: typeof events, size: number, head?: { version: number; hash: Buffer }) => {
      const verifier = new ChainVerifier('account-1');
      for (let i = 0; i < list.length; i += size) if (!verifier.push(list.slice(i, i + size))) break;
      return verifier.finish(head);
    };
    expect(paged(events, 3, { version: 6, hash: events[6].hash })).toEqual({
      ok: true,
      streamId: 'account-1',
      events: 7,
    });
    const tampered = events.map((e, i) =>
      i === 4 ? { ...e, dataJson: stringifyJson({ amount: 999n }) } : e,
    );
    // Broken in the second page: reading stops there (6 of 7 read), the index is the stream's.
    expect(paged(tampered, 3)).toEqual({
      ok: false,
      streamId: 'account-1',
      events: 6,
      brokenAt: 4,
      reason: expect.stringMatching(/hash mismatch at version 4/),
    });
    // The first event of a page missing (version 3 removed) is a gap, not a fresh start.
    expect(paged([...events.slice(0, 3), ...events.slice(4)], 3)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/removed/),
    });
    expect(paged(events.slice(0, 5), 2, { version: 6, hash: events[6].hash })).toMatchObject({
      ok: false,
      brokenAt: 5,
      reason: expect.stringMatching(/head says version 6, 5 events/),
    });
  });
  it('writeEventDigests writes the same digests as eventDigest, for runs of shared and of changing envelope parts', () => {
    const meta = stringifyJson({ actor: { kind: 'user', id: 'Peña' }, correlationId: 'c-1' });
    const otherMeta = stringifyJson({ note: '東京 💸' });
    const base = event(1);
    const events: Omit<HashableEvent, 'streamId'>[] = [
      { ...base, metadataJson: meta },
      {
        ...base,
        id: '0190f5c2-0000-7000-8000-0000000000aa',
        dataJson: stringifyJson({ name: 'Muñoz € — 東京 🧾', n: -1.5 }),
        metadataJson: meta,
      },
      { ...base, id: '0190f5c2-0000-7000-8000-0000000000ab', metadataJson: otherMeta },
      { ...base, id: '0190f5c2-0000-7000-8000-0000000000ac', metadataJson: otherMeta, type: 'Tipo «ñ»' },
      {
        ...base,
        id: '0190f5c2-0000-7000-8000-0000000000ad',
        metadataJson: otherMeta,
        type: 'Tipo «ñ»',
        schemaVersion: 3,
      },
      {
        ...base,
        id: '0190f5c2-0000-7000-8000-0000000000ae',
        metadataJson: otherMeta,
        type: 'Tipo «ñ»',
        schemaVersion: 3,
        occurredAt: new Date('2030-05-06T07:08:09.123Z'),
      },
      // Larger than the scratch buffer (64 KB), then a small one again.
      {
        ...base,
        id: '0190f5c2-0000-7000-8000-0000000000af',
        dataJson: stringifyJson({ text: 'ñ'.repeat(70_000) }),
      },
      { ...base, id: '0190f5c2-0000-7000-8000-0000000000b0', dataJson: '{}' },
    ];
    for (const streamId of ['account-1', 'cuenta-ñ "quoted" \\ 💶']) {
      const out = Buffer.alloc(8 + 32 * events.length, 0xee);
      writeEventDigests(streamId, events, out, 8);
      expect(out.subarray(0, 8).equals(Buffer.alloc(8, 0xee))).toBe(true);
      events.forEach((e, i) =>
        expect(out.subarray(8 + 32 * i, 8 + 32 * (i + 1)).toString('hex')).toBe(
          eventDigest({ ...e, streamId }).toString('hex'),
        ),
      );
    }
  });
});
