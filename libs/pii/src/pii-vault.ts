import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { open, seal } from './aes-gcm';
import { type Ciphertext, formatCiphertext, parseCiphertext } from './ciphertext';
import type { KeyWrapper } from './key-wrapper.port';
import { keyStoreTable, PostgresKeyStore } from './key-store';

/** What decrypting answers once the subject's key was destroyed: the data is gone, by design. */
export const ERASED = Object.freeze({ erased: true as const });
export type Erased = typeof ERASED;
export const isErased = (value: unknown): value is Erased =>
  typeof value === 'object' && value !== null && (value as Erased).erased === true;

/** The ciphertext is not one of this subject's (altered, truncated, or made with another key). */
export class PiiDecryptionFailed extends Error {
  override readonly name = 'PiiDecryptionFailed';
  constructor(readonly subjectId: string) {
    super(`A personal-data field of ${subjectId} failed authentication (tampered or not this subject's)`);
  }
}

/** Encrypting for a subject whose key was destroyed: nothing new may be stored readable for it. */
export class PiiSubjectErased extends Error {
  override readonly name = 'PiiSubjectErased';
  constructor(readonly subjectId: string) {
    super(`The data key of ${subjectId} was destroyed (erasure): nothing can be encrypted for it`);
  }
}

export type PiiVaultOptions = Readonly<{
  pool: Pool;
  /** The service's schema: the key table lives there. */
  schema: string;
  wrapper: KeyWrapper;
  /** Unwrapped keys kept in memory (most recent first); erasure here evicts at once. Default 10,000. */
  cacheSize?: number;
}>;

export interface PiiVault {
  encryptFor(subjectId: string, plaintext: string): Promise<Ciphertext>;
  decryptFor(subjectId: string, ciphertext: string): Promise<string | Erased>;
  /** Destroys the subject's data key: every ciphertext made for it becomes unreadable for good. */
  erase(subjectId: string): Promise<void>;
  isErased(subjectId: string): Promise<boolean>;
}

/** Per-subject data keys (AES-256-GCM), created on first use, wrapped by the KeyWrapper, stored on PostgreSQL. */
export const createPiiVault = async (options: PiiVaultOptions): Promise<PiiVault> => {
  const store = new PostgresKeyStore(options.pool, keyStoreTable(options.schema));
  await store.migrate();
  const keys = new KeyCache(options.cacheSize ?? 10_000);
  const { wrapper } = options;

  const keyOf = async (subjectId: string, create: boolean): Promise<Buffer | Erased | undefined> => {
    const cached = keys.get(subjectId);
    if (cached) return cached;
    let stored = await store.find(subjectId);
    if (!stored && create) {
      const fresh = randomBytes(32);
      stored = await store.insertIfAbsent(subjectId, await wrapper.wrap(fresh, subjectId), wrapper.keyId);
    }
    if (!stored) return undefined;
    if (stored.wrappedKey === null) return ERASED;
    const key = await wrapper.unwrap(stored.wrappedKey, subjectId);
    keys.set(subjectId, key);
    return key;
  };

  return {
    encryptFor: async (subjectId, plaintext) => {
      const key = await keyOf(subjectId, true);
      if (!Buffer.isBuffer(key)) throw new PiiSubjectErased(subjectId);
      return formatCiphertext(seal(key, Buffer.from(plaintext, 'utf8'), subjectId));
    },
    decryptFor: async (subjectId, ciphertext) => {
      const key = await keyOf(subjectId, false);
      if (isErased(key)) return ERASED;
      const sealed = parseCiphertext(ciphertext);
      const plain = key && sealed && open(key, sealed, subjectId);
      if (!plain) throw new PiiDecryptionFailed(subjectId);
      return plain.toString('utf8');
    },
    erase: async (subjectId) => {
      keys.delete(subjectId);
      await store.erase(subjectId);
    },
    isErased: async (subjectId) => (await store.find(subjectId))?.wrappedKey === null,
  };
};

/** A small LRU: a Map keeps insertion order, so the first key is the least recently used. */
class KeyCache {
  private readonly map = new Map<string, Buffer>();
  constructor(private readonly size: number) {}
  get(id: string): Buffer | undefined {
    const key = this.map.get(id);
    if (key) {
      this.map.delete(id);
      this.map.set(id, key);
    }
    return key;
  }
  set(id: string, key: Buffer): void {
    this.map.set(id, key);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
  delete(id: string): void {
    this.map.get(id)?.fill(0);
    this.map.delete(id);
  }
}
