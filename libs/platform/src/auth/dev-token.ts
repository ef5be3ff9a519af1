import { SignJWT } from 'jose';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEV_JWT_SECRET } from '../config/dev-defaults';
import type { Role } from './roles';

export type DevTokenOptions = {
  roles: readonly Role[];
  sub?: string;
  creditors?: readonly string[];
  /** jose time span: '8h', '15m', or a negative one ('-1m') for an already expired token. */
  ttl?: string;
  secret?: string;
  issuer?: string;
  audience?: string;
};

/**
 * Mints an HS256 token like `npm run token` does — for HTTP tests and local tooling. With the
 * defaults it is signed with the public DEV-ONLY key.
 */
export const signDevToken = async ({
  roles,
  sub = 'dev-user',
  creditors,
  ttl = '8h',
  secret = DEV_JWT_SECRET,
  issuer = DEFAULT_JWT_ISSUER,
  audience = DEFAULT_JWT_AUDIENCE,
}: DevTokenOptions): Promise<string> => {
  const expires = ttl.startsWith('-') ? Math.floor(Date.now() / 1000) - parseSeconds(ttl.slice(1)) : ttl;
  return new SignJWT({ roles: [...roles], ...(creditors ? { creditors: [...creditors] } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
};

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

const parseSeconds = (span: string): number => {
  const [, amount, unit] = /^(\d+)([smhd])$/.exec(span) ?? [];
  const seconds = unit ? UNITS[unit] : undefined;
  if (!amount || !seconds) throw new Error(`Unsupported time span "${span}" (use e.g. 30s, 15m, 8h, 1d)`);
  return Number(amount) * seconds;
};
