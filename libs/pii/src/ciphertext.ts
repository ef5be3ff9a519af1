import type { Sealed } from './aes-gcm';

/**
 * The compact, self-describing text of an encrypted field: `pii1.<iv>.<data>.<tag>` (base64url).
 * The prefix names the format, so a reader tells a ciphertext from plain text and a later format
 * can coexist with this one.
 */
export type Ciphertext = string & { readonly __brand: 'PiiCiphertext' };

const PREFIX = 'pii1';
const SHAPE = /^pii1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/;

export const isCiphertext = (value: unknown): value is Ciphertext =>
  typeof value === 'string' && SHAPE.test(value);

export const formatCiphertext = (s: Sealed): Ciphertext =>
  [PREFIX, s.iv, s.data, s.tag]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.') as Ciphertext;

export const parseCiphertext = (text: string): Sealed | undefined => {
  if (!isCiphertext(text)) return undefined;
  const [, iv, data, tag] = text.split('.');
  return {
    iv: Buffer.from(iv, 'base64url'),
    data: Buffer.from(data, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
};
