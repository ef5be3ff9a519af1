import { randomFillSync } from 'node:crypto';
import { v5, v7, validate } from 'uuid';

// New ids draw their random bytes from one 4 KB pool: each refill is a system call. Kept until
// measured against crypto.randomUUID() (docs/benchmarks.md).
const RANDOM_POOL = new Uint8Array(4096);
let poolAt = RANDOM_POOL.length;
const pooledRandom = (): Uint8Array => {
  if (poolAt + 16 > RANDOM_POOL.length) {
    randomFillSync(RANDOM_POOL);
    poolAt = 0;
  }
  // uuid reads the 16 bytes at once, before the next call can refill the pool.
  return RANDOM_POOL.subarray(poolAt, (poolAt += 16));
};
const fromPool = { rng: pooledRandom };

/** A fresh, time-ordered event id (UUID v7): the index on ids stays append-mostly. */
export const newEventId = (): string => v7(fromPool);

// Fixed namespace of Cartera's derived event ids; changing it would change every derived id.
const DERIVED_EVENT_ID_NAMESPACE = '6b1f3a52-2d0e-4c55-9a8e-5f3c1d7e0a41';

/** The index-th event id a consumer appends for one message (UUID v5): a redelivery derives the same. */
export const deterministicEventId = (messageId: string, index: number): string => {
  if (!messageId) throw new TypeError('deterministicEventId: messageId is required');
  if (!Number.isInteger(index) || index < 0)
    throw new TypeError('deterministicEventId: index must be an integer ≥ 0');
  return v5(`${messageId}#${index}`, DERIVED_EVENT_ID_NAMESPACE);
};

/** Ids for a handleCommand call derived from the message being consumed. */
export const eventIdsFromMessage =
  (messageId: string) =>
  (index: number): string =>
    deterministicEventId(messageId, index);

export const isUuid = (value: unknown): value is string => typeof value === 'string' && validate(value);
