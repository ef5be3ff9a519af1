import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateMasterKeyFile } from './master-key-file';
import { parseMasterKey } from './local-key-wrapper';

describe('master key file (embedded default)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cartera-pii-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a 32-byte key readable only by its owner, then reads the same key back', () => {
    const path = join(dir, 'data', 'pii-master.key');
    const first = loadOrCreateMasterKeyFile(path);
    expect(first).toEqual({ key: expect.any(Buffer), created: true });
    expect(first.key).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateMasterKeyFile(path)).toEqual({ key: first.key, created: false });
  });

  it('accepts base64 or hex keys of 32 bytes only', () => {
    const key = Buffer.alloc(32, 7);
    expect(parseMasterKey(key.toString('base64'))).toEqual(key);
    expect(parseMasterKey(key.toString('hex'))).toEqual(key);
    expect(() => parseMasterKey('too-short')).toThrow(/32 bytes/);
  });
});
