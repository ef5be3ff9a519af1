import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Actor } from './actor';
import { isRole } from './roles';

export type TokenVerifierConfig = {
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
  JWT_SECRET?: string;
  JWT_JWKS_URL?: string;
};

/** Why a token was refused; the guard answers 401 with this detail. */
export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

/** The identity provider's keys could not be fetched; the guard answers 503, not 401. */
export class KeysUnavailable extends Error {
  override readonly name = 'KeysUnavailable';
}

export type TokenVerifier = (token: string) => Promise<Actor>;

/** Tokens verified lately, until they expire: a client sends the same token with every request. */
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * Verifies signature (HS256 secret or JWKS), expiry, issuer and audience; maps claims to an Actor.
 * A token verified once is remembered (by its exact text, so the signature is the one checked)
 * until its `exp`, up to VERIFIED_CACHE_SIZE tokens: a request with a known token costs no crypto.
 */
export const createTokenVerifier = (
  config: TokenVerifierConfig,
  now: () => number = Date.now,
): TokenVerifier => {
  const options = {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    requiredClaims: ['sub', 'exp'],
  };
  const verify: (token: string) => Promise<JWTPayload> = config.JWT_JWKS_URL
    ? jwksVerifier(createRemoteJWKSet(new URL(config.JWT_JWKS_URL)), options)
    : secretVerifier(new TextEncoder().encode(requiredSecret(config)), options);
  const verified = new Map<string, { actor: Actor; expiresAt: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known && known.expiresAt > now()) return known.actor;
    if (known) verified.delete(token);
    const payload = await verify(token);
    const actor = actorFrom(payload);
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
    verified.set(token, { actor, expiresAt: (payload.exp as number) * 1000 });
    return actor;
  };
};

type VerifyOptions = { issuer: string; audience: string; requiredClaims: string[] };

/** The HMAC key is imported once (jose would import raw bytes again on every call). */
const secretVerifier = (secret: Uint8Array, options: VerifyOptions) => {
  const key = crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return async (token: string) =>
    (await jwtVerify(token, await key, { ...options, algorithms: ['HS256'] }).catch(refusal)).payload;
};

const jwksVerifier = (keys: JWTVerifyGetKey, options: VerifyOptions) => async (token: string) =>
  (await jwtVerify(token, keys, options).catch(refusal)).payload;

const requiredSecret = (config: TokenVerifierConfig): string => {
  if (!config.JWT_SECRET) throw new Error('JWT_SECRET or JWT_JWKS_URL must be configured');
  return config.JWT_SECRET;
};

const refusal = (error: unknown): never => {
  if (error instanceof errors.JWTExpired) throw new InvalidToken('Token expired');
  // fetch() failing (refused, DNS, reset) rejects with a TypeError, possibly from another realm.
  const fetchFailed =
    !(error instanceof errors.JOSEError) &&
    ['TypeError', 'AbortError', 'TimeoutError'].includes((error as Error)?.name);
  if (error instanceof errors.JWKSTimeout || fetchFailed) {
    throw new KeysUnavailable('Signing keys unavailable');
  }
  if (error instanceof errors.JWTClaimValidationFailed)
    throw new InvalidToken(`Token claim "${error.claim}" is not valid here`);
  if (error instanceof errors.JOSEError) throw new InvalidToken('Token signature or format is not valid');
  throw error;
};

const actorFrom = (payload: JWTPayload): Actor => {
  const { sub, roles, creditors } = payload as JWTPayload & { roles?: unknown; creditors?: unknown };
  if (!sub) throw new InvalidToken('Token has no subject');
  if (roles !== undefined && !isStringArray(roles))
    throw new InvalidToken('Token claim "roles" must be an array of strings');
  if (creditors !== undefined && !isStringArray(creditors))
    throw new InvalidToken('Token claim "creditors" must be an array of strings');
  return {
    kind: 'user',
    id: sub,
    roles: (roles ?? []).filter(isRole),
    ...(creditors !== undefined ? { creditors } : {}),
  };
};

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');
