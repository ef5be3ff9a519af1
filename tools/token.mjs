#!/usr/bin/env node
// `npm run token -- --role admin [--role agent] [--sub alice] [--creditor c1] [--ttl 8h]`
// Prints an HS256 bearer token for the services. Signed with JWT_SECRET when set, else with the
// public DEV-ONLY key of the embedded default; issuer/audience from JWT_ISSUER/JWT_AUDIENCE or
// the platform defaults. The three defaults mirror libs/platform/src/config/dev-defaults.ts
// (a platform test checks that tokens minted here are accepted).
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';

const DEV_JWT_SECRET = 'cartera-dev-only-signing-key-do-not-use-in-production';
const DEFAULT_JWT_ISSUER = 'cartera-dev';
const DEFAULT_JWT_AUDIENCE = 'cartera-api';
const ROLES = ['agent', 'supervisor', 'negotiator', 'compliance', 'analyst', 'admin'];

const usage = `Usage: npm run token -- --role <role> [--role <role>…] [--sub <id>] [--creditor <id>…] [--ttl 8h]
  roles: ${ROLES.join(', ')}
  env:   JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE (defaults: the dev-only key, ${DEFAULT_JWT_ISSUER}, ${DEFAULT_JWT_AUDIENCE})`;

const fail = (message) => {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
};

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, short: 'r' },
      sub: { type: 'string', default: 'dev-user' },
      creditor: { type: 'string', multiple: true },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error.message);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const roles = values.role ?? [];
if (roles.length === 0) fail('At least one --role is required.');
const unknown = roles.filter((r) => !ROLES.includes(r));
if (unknown.length) fail(`Unknown role(s): ${unknown.join(', ')}`);
if (!/^\d+[smhd]$/.test(values.ttl)) fail(`--ttl must look like 30m, 8h or 7d (got ${values.ttl})`);

const secret = process.env.JWT_SECRET || DEV_JWT_SECRET;
const token = await new SignJWT({ roles, ...(values.creditor ? { creditors: values.creditor } : {}) })
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .setSubject(values.sub)
  .setIssuer(process.env.JWT_ISSUER || DEFAULT_JWT_ISSUER)
  .setAudience(process.env.JWT_AUDIENCE || DEFAULT_JWT_AUDIENCE)
  .setIssuedAt()
  .setExpirationTime(values.ttl)
  .sign(new TextEncoder().encode(secret));
process.stdout.write(`${token}\n`);
