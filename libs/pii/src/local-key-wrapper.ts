import { createHash } from 'node:crypto';
import { open, seal } from './aes-gcm';
import { formatCiphertext, parseCiphertext } from './ciphertext';
import { KeyUnwrapFailed, type KeyWrapper } from './key-wrapper.port';

/** 32 bytes, given as base64 (44 characters) or hex (64 characters). */
export const parseMasterKey = (text: string): Buffer => {
  const value = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('PII_MASTER_KEY must be 32 bytes, base64 or hex encoded');
  return key;
};

/** Wraps data keys with AES-256-GCM under a master key held in configuration (the embedded default). */
export const createLocalKeyWrapper = (masterKey: Buffer): KeyWrapper => {
  if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes');
  // A fingerprint, never the key: tells which master key wrapped a data key.
  const keyId = `local:${createHash('sha256').update(masterKey).digest('hex').slice(0, 12)}`;
  return {
    keyId,
    wrap: async (dataKey, subjectId) => formatCiphertext(seal(masterKey, dataKey, `dek:${subjectId}`)),
    unwrap: async (wrapped, subjectId) => {
      const sealed = parseCiphertext(wrapped);
      const key = sealed && open(masterKey, sealed, `dek:${subjectId}`);
      if (!key) throw new KeyUnwrapFailed(subjectId);
      return key;
    },
  };
};
