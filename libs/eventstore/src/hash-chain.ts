import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import type { VerifyResult } from './event-store.port';

/**
 * The per-stream hash chain: hash(n) = sha256(hash(n-1) ‖ int64be(version) ‖ sha256(canonical event n)).
 * Changing, removing or reordering a stored event breaks every later link; the SQL append agrees.
 */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

export type HashableEvent = Readonly<{
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  occurredAt: Date;
  dataJson: string;
  metadataJson: string;
}>;

const sha256 = (...parts: (Buffer | string)[]): Buffer => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};

// The events of one append share one occurredAt: write its (quoted) ISO text once.
let lastOccurredAt = Number.NaN;
let lastOccurredAtJson = '';
const occurredAtJson = (at: Date): string => {
  const time = at.getTime();
  if (time !== lastOccurredAt) {
    lastOccurredAtJson = JSON.stringify(at.toISOString());
    lastOccurredAt = time;
  }
  return lastOccurredAtJson;
};

// The canonical text in two parts: `{"data":…,"id":…` and what follows the id (keys sorted).
const CANONICAL_HEAD = '{"data":';
const CANONICAL_ID = ',"id":';
type TailFields = Pick<HashableEvent, 'metadataJson' | 'occurredAt' | 'schemaVersion' | 'type'>;
const canonicalTail = (e: TailFields, streamId: string): string =>
  `,"metadata":${e.metadataJson},"occurredAt":${occurredAtJson(e.occurredAt)},"schemaVersion":${e.schemaVersion},` +
  `"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(e.type)}}`;

export const canonicalEvent = (e: HashableEvent): string =>
  `${CANONICAL_HEAD}${e.dataJson}${CANONICAL_ID}${JSON.stringify(e.id)}${canonicalTail(e, e.streamId)}`;

// One-shot hashing (Node ≥ 20.12) skips the Hash object, whose set-up costs more than an event's hash.
const oneShot = (
  crypto as unknown as { hash?: (algorithm: string, data: string, encoding: string) => string | Buffer }
).hash;

export const eventDigest = (e: HashableEvent): Buffer =>
  oneShot ? (oneShot('sha256', canonicalEvent(e), 'buffer') as Buffer) : sha256(canonicalEvent(e));

// Scratch space for `writeEventDigests` (an event larger than it gets a buffer of its own).
const SCRATCH_BYTES = 64 * 1024;
const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
const DATA_OPEN = Buffer.from(CANONICAL_HEAD);
const ID_OPEN = Buffer.from(`${CANONICAL_ID}"`);

/** sha256 of `bytes` into `out` at `at`, through the one-shot hash's latin1 string: no Buffer per event. */
const digestInto = (bytes: Buffer, out: Buffer, at: number): void => {
  if (oneShot) out.write(oneShot('sha256', bytes as unknown as string, 'latin1') as string, at, 32, 'latin1');
  else sha256(bytes).copy(out, at);
};

/**
 * The digests of one append's events, 32 bytes each into `out` from `at` (the bytes of `eventDigest`),
 * written from one scratch buffer without building each canonical text as a string: kept until measured.
 */
export const writeEventDigests = (
  streamId: string,
  events: readonly Omit<HashableEvent, 'streamId'>[],
  out: Buffer,
  at: number,
): void => {
  let tail: Buffer | undefined;
  let tailOf: TailFields | undefined;
  for (const e of events) {
    if (
      tail === undefined ||
      tailOf === undefined ||
      e.metadataJson !== tailOf.metadataJson ||
      e.occurredAt.getTime() !== tailOf.occurredAt.getTime() ||
      e.schemaVersion !== tailOf.schemaVersion ||
      e.type !== tailOf.type
    ) {
      tailOf = e;
      tail = Buffer.from(`"${canonicalTail(e, streamId)}`);
    }
    // An event id is a validated UUID (hex digits and dashes): quoting it needs no escape.
    const most = DATA_OPEN.length + 3 * e.dataJson.length + ID_OPEN.length + 3 * e.id.length + tail.length;
    const buffer = most <= SCRATCH_BYTES ? scratch : Buffer.allocUnsafe(most);
    let length = DATA_OPEN.copy(buffer, 0);
    length += buffer.write(e.dataJson, length);
    length += ID_OPEN.copy(buffer, length);
    length += buffer.write(e.id, length, 'latin1'); // ASCII: the same bytes, without UTF-8 encoding
    length += tail.copy(buffer, length);
    digestInto(buffer.subarray(0, length), out, at);
    at += 32;
  }
};

export const chainLink = (previous: Buffer, streamVersion: number, digest: Buffer): Buffer => {
  const version = Buffer.alloc(8);
  version.writeBigInt64BE(BigInt(streamVersion));
  return sha256(previous, version, digest);
};

export type ChainedEvent = HashableEvent & Readonly<{ streamVersion: number; hash: Buffer | undefined }>;

/** Events an adapter reads (and holds) at a time while verifying a stream. */
export const VERIFY_PAGE = 1000;

/** Recomputes a stream's chain a page at a time; reports the first broken link, a gap or a wrong head. */
export class ChainVerifier {
  private previous: Buffer = GENESIS_HASH;
  private read = 0;
  private broken: VerifyResult | undefined;

  constructor(readonly streamId: string) {}

  /** Checks the next events; false once a link is broken (reading further changes nothing). */
  push(events: readonly ChainedEvent[]): boolean {
    if (this.broken) return false;
    const first = this.read;
    this.read += events.length;
    for (let k = 0; k < events.length; k++) {
      const e = events[k];
      const i = first + k;
      const reason =
        e.streamVersion !== i
          ? `expected version ${i}, found ${e.streamVersion} (an event was removed)`
          : !e.hash
            ? `event ${e.id} at version ${i} carries no hash`
            : !chainLink(this.previous, e.streamVersion, eventDigest(e)).equals(e.hash)
              ? `hash mismatch at version ${i} (event ${e.id}): content or order changed`
              : undefined;
      if (reason !== undefined) {
        this.broken = { ok: false, streamId: this.streamId, events: this.read, brokenAt: i, reason };
        return false;
      }
      this.previous = e.hash as Buffer;
    }
    return true;
  }

  /** The verdict once every event was pushed; `head` is the store's own record of the last link, if any. */
  finish(head?: Readonly<{ version: number; hash: Buffer | undefined }>): VerifyResult {
    if (this.broken) return this.broken;
    const { streamId, read } = this;
    if (head && head.version !== read - 1) {
      return {
        ok: false,
        streamId,
        events: read,
        brokenAt: read,
        reason: `stream head says version ${head.version}, ${read} events found`,
      };
    }
    if (head?.hash && read > 0 && !head.hash.equals(this.previous)) {
      return {
        ok: false,
        streamId,
        events: read,
        brokenAt: read - 1,
        reason: 'stream head hash differs from the last link',
      };
    }
    return { ok: true, streamId, events: read };
  }
}

export const verifyChain = (
  streamId: string,
  events: readonly ChainedEvent[],
  head?: Readonly<{ version: number; hash: Buffer | undefined }>,
): VerifyResult => {
  const verifier = new ChainVerifier(streamId);
  verifier.push(events);
  return verifier.finish(head);
};
