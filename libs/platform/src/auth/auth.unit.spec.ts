import { ForbiddenException } from '@nestjs/common';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEV_JWT_SECRET } from '../config/dev-defaults';
import { assertCreditorAccess } from './creditor-access';
import { signDevToken } from './dev-token';
import { hasAnyRole } from './roles';
import { createTokenVerifier, InvalidToken } from './token-verifier';

const verify = createTokenVerifier({
  JWT_ISSUER: DEFAULT_JWT_ISSUER,
  JWT_AUDIENCE: DEFAULT_JWT_AUDIENCE,
  JWT_SECRET: DEV_JWT_SECRET,
});

describe('hasAnyRole', () => {
  it('admits a matching role, admin always, and everyone when no role is required', () => {
    expect(hasAnyRole({ roles: ['agent'] }, ['agent', 'supervisor'])).toBe(true);
    expect(hasAnyRole({ roles: ['analyst'] }, ['agent'])).toBe(false);
    expect(hasAnyRole({ roles: ['admin'] }, ['compliance'])).toBe(true);
    expect(hasAnyRole({ roles: [] }, [])).toBe(true);
  });
});

describe('assertCreditorAccess', () => {
  it('passes unscoped users and listed creditors, refuses others with 403', () => {
    expect(() => assertCreditorAccess({}, 'c9')).not.toThrow();
    expect(() => assertCreditorAccess({ creditors: ['c1'] }, 'c1')).not.toThrow();
    expect(() => assertCreditorAccess({ creditors: ['c1'] }, 'c9')).toThrow(ForbiddenException);
    expect(() => assertCreditorAccess({ creditors: [] }, 'c1')).toThrow(ForbiddenException);
  });
});

describe('token verifier (HS256)', () => {
  it('maps claims to an actor, dropping unknown roles', async () => {
    const token = await signDevToken({
      roles: ['negotiator', 'wizard' as never],
      sub: 'bob',
      creditors: ['c1', 'c2'],
    });
    await expect(verify(token)).resolves.toEqual({
      kind: 'user',
      id: 'bob',
      roles: ['negotiator'],
      creditors: ['c1', 'c2'],
    });
  });

  it.each([
    ['expired', { ttl: '-5m' }, /expired/],
    ['wrong audience', { audience: 'other' }, /"aud"/],
    ['wrong issuer', { issuer: 'other' }, /"iss"/],
    ['other key', { secret: 'k'.repeat(48) }, /signature/],
  ])('refuses a token with %s', async (_, options, message) => {
    const token = await signDevToken({ roles: ['agent'], ...options });
    await expect(verify(token)).rejects.toThrow(message);
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses garbage and an unsigned (alg none) token', async () => {
    await expect(verify('not-a-jwt')).rejects.toBeInstanceOf(InvalidToken);
    const [, payload] = (await signDevToken({ roles: ['admin'] })).split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    await expect(verify(none)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('remembers a verified token until its expiry, and only that exact token', async () => {
    let now = Date.now();
    const remembering = createTokenVerifier(
      { JWT_ISSUER: DEFAULT_JWT_ISSUER, JWT_AUDIENCE: DEFAULT_JWT_AUDIENCE, JWT_SECRET: DEV_JWT_SECRET },
      () => now,
    );
    const token = await signDevToken({ roles: ['agent'], sub: 'carla', ttl: '10m' });
    await expect(remembering(token)).resolves.toMatchObject({ id: 'carla' });
    // Same text: answered from memory. One character of the signature changed: verified, refused.
    await expect(remembering(token)).resolves.toMatchObject({ id: 'carla' });
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    await expect(remembering(tampered)).rejects.toBeInstanceOf(InvalidToken);
    // Past its exp the remembered answer is dropped and jose's own check refuses it.
    now += 11 * 60_000;
    jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      await expect(remembering(token)).rejects.toThrow(/expired/);
    } finally {
      jest.useRealTimers();
    }
  });
});
