import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM with a random 96-bit nonce; the associated data binds a ciphertext to its subject. */
export type Sealed = Readonly<{ iv: Buffer; data: Buffer; tag: Buffer }>;

const ALGORITHM = 'aes-256-gcm';

export const seal = (key: Buffer, plaintext: Buffer, associatedData: string): Sealed => {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, data, tag: cipher.getAuthTag() };
};

/** Returns undefined when the key, the associated data or any byte does not match (GCM's tag check). */
export const open = (key: Buffer, sealed: Sealed, associatedData: string): Buffer | undefined => {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.data), decipher.final()]);
  } catch {
    return undefined;
  }
};
