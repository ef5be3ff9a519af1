import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEV_JWT_SECRET } from '../config/dev-defaults';
import { createTokenVerifier } from './token-verifier';

// tools/token.mjs is plain JS with its own copy of the dev defaults: this keeps both in step.
const run = promisify(execFile);
const tool = join(__dirname, '..', '..', '..', '..', 'tools', 'token.mjs');
const mint = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, [tool, ...args], { env: { PATH: process.env.PATH, ...env } }).then((r) =>
    r.stdout.trim(),
  );

describe('npm run token (tools/token.mjs)', () => {
  it('mints a token the platform accepts with its default configuration', async () => {
    const verify = createTokenVerifier({
      JWT_ISSUER: DEFAULT_JWT_ISSUER,
      JWT_AUDIENCE: DEFAULT_JWT_AUDIENCE,
      JWT_SECRET: DEV_JWT_SECRET,
    });
    const token = await mint(['--role', 'admin', '--role', 'agent', '--sub', 'alice', '--creditor', 'c1']);
    await expect(verify(token)).resolves.toEqual({
      kind: 'user',
      id: 'alice',
      roles: ['admin', 'agent'],
      creditors: ['c1'],
    });
  });

  it('signs with JWT_SECRET, JWT_ISSUER and JWT_AUDIENCE when set', async () => {
    const env = { JWT_SECRET: 's'.repeat(40), JWT_ISSUER: 'corp-idp', JWT_AUDIENCE: 'cartera-prod' };
    const token = await mint(['--role', 'analyst'], env);
    await expect(createTokenVerifier(env)(token)).resolves.toMatchObject({ roles: ['analyst'] });
  });

  it('refuses an unknown role with exit code 2', async () => {
    await expect(mint(['--role', 'wizard'])).rejects.toMatchObject({ code: 2 });
  });
});
