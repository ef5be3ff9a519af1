import { createHmac, hkdfSync } from 'node:crypto';

/**
 * HMAC-SHA256 of an already normalised value under a key of its own: equal values give equal
 * indexes, so matching works without storing the value. `purpose` keeps one kind of value from
 * ever colliding with another.
 */
export type BlindIndexer = (purpose: string, normalised: string) => string;

export const createBlindIndexer = (indexKey: Buffer): BlindIndexer => {
  if (indexKey.length < 32) throw new Error('A blind-index key must be at least 32 bytes');
  return (purpose, normalised) =>
    createHmac('sha256', indexKey).update(purpose).update('\u0000').update(normalised).digest('base64url');
};

/** A key for one purpose derived from the master key (HKDF-SHA256), so one secret configures both. */
export const deriveKey = (masterKey: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `cartera/pii/${purpose}`, 32));
