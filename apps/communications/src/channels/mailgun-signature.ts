import { createHmac, timingSafeEqual } from 'node:crypto';

/** Mailgun's webhook signature: hex HMAC-SHA256, keyed with the signing key, of timestamp + token. */
export const mailgunSignature = (signingKey: string, timestamp: string, token: string): string =>
  createHmac('sha256', signingKey)
    .update(timestamp + token)
    .digest('hex');

export const isValidMailgunSignature = (
  signingKey: string,
  signature: Readonly<{ timestamp?: string; token?: string; signature?: string }> | undefined,
): boolean => {
  if (!signature?.timestamp || !signature.token || !signature.signature) return false;
  const expected = Buffer.from(mailgunSignature(signingKey, signature.timestamp, signature.token));
  const given = Buffer.from(signature.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};
