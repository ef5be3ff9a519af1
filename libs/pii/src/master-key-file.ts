import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseMasterKey } from './local-key-wrapper';

/**
 * The embedded default's master key: read from `path`, or generated there (mode 0600) on first
 * start. `created` tells the caller to say so: losing this file makes every data key unreadable.
 */
export const loadOrCreateMasterKeyFile = (path: string): { key: Buffer; created: boolean } => {
  if (existsSync(path)) return { key: parseMasterKey(readFileSync(path, 'utf8')), created: false };
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, created: true };
};
