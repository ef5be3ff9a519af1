import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { signDevToken } from './dev-token';
import { createTokenVerifier, InvalidToken, KeysUnavailable } from './token-verifier';

// The scale path: an identity provider publishing its keys as a JWKS (here a local HTTP server).
describe('token verifier with JWT_JWKS_URL', () => {
  let server: Server;
  let privateKey: CryptoKey;
  let jwksUrl: string;
  const config = () => ({
    JWT_ISSUER: 'https://idp.example',
    JWT_AUDIENCE: 'cartera-api',
    JWT_JWKS_URL: jwksUrl,
  });
  const sign = (claims: object, key = privateKey) =>
    new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('carol')
      .setIssuer('https://idp.example')
      .setAudience('cartera-api')
      .setExpirationTime('5m')
      .sign(key);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }],
    });
    server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('accepts a token signed by a published key', async () => {
    await expect(createTokenVerifier(config())(await sign({ roles: ['compliance'] }))).resolves.toEqual({
      kind: 'user',
      id: 'carol',
      roles: ['compliance'],
    });
  });

  it('refuses a token signed by an unpublished key, and an HS256 token (no algorithm confusion)', async () => {
    const verify = createTokenVerifier(config());
    const stranger = await generateKeyPair('RS256');
    await expect(verify(await sign({ roles: ['admin'] }, stranger.privateKey))).rejects.toBeInstanceOf(
      InvalidToken,
    );
    const hs = await signDevToken({ roles: ['admin'], issuer: 'https://idp.example' });
    await expect(verify(hs)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('reports unreachable keys as KeysUnavailable (503), not as a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const verify = createTokenVerifier({ ...config(), JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks` });
    await expect(verify(await sign({ roles: ['agent'] }))).rejects.toBeInstanceOf(KeysUnavailable);
  });
});
