import { randomBytes, randomUUID } from 'node:crypto';
import { useTestDatabase } from '@cartera/testing';
import { createLocalKeyWrapper } from './local-key-wrapper';
import { createPiiVault, ERASED, PiiDecryptionFailed, PiiSubjectErased, type PiiVault } from './pii-vault';
import { KeyUnwrapFailed } from './key-wrapper.port';

const SCHEMA = 'pii_test';

describe('PiiVault on PostgreSQL', () => {
  const db = useTestDatabase();
  const masterKey = randomBytes(32);
  let vault: PiiVault;

  beforeAll(async () => {
    vault = await createPiiVault({
      pool: db().pool,
      schema: SCHEMA,
      wrapper: createLocalKeyWrapper(masterKey),
    });
  });

  it('round-trips a field for its debtor, accents and all', async () => {
    const debtor = randomUUID();
    const ciphertext = await vault.encryptFor(debtor, 'Ana María Pérez');
    expect(await vault.decryptFor(debtor, ciphertext)).toBe('Ana María Pérez');
  });

  it('writes a compact self-describing ciphertext that never contains the plaintext', async () => {
    const ciphertext = await vault.encryptFor(randomUUID(), 'ana.perez@example.com');
    expect(ciphertext).toMatch(/^pii1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(ciphertext).not.toContain('ana');
    expect(Buffer.from(ciphertext.split('.')[2], 'base64url').toString('latin1')).not.toContain('ana');
  });

  it('gives each encryption a fresh nonce: equal plaintexts do not look equal', async () => {
    const debtor = randomUUID();
    expect(await vault.encryptFor(debtor, '+573001112233')).not.toBe(
      await vault.encryptFor(debtor, '+573001112233'),
    );
  });

  it('rejects a ciphertext of another debtor (another data key)', async () => {
    const ciphertext = await vault.encryptFor(randomUUID(), '1032456789');
    const other = randomUUID();
    await vault.encryptFor(other, 'x');
    await expect(vault.decryptFor(other, ciphertext)).rejects.toThrow(PiiDecryptionFailed);
  });

  it('rejects a tampered ciphertext', async () => {
    const debtor = randomUUID();
    const ciphertext = await vault.encryptFor(debtor, '1980-02-29');
    const parts = ciphertext.split('.');
    const data = Buffer.from(parts[2], 'base64url');
    data[0] ^= 1;
    const tampered = [parts[0], parts[1], data.toString('base64url'), parts[3]].join('.');
    await expect(vault.decryptFor(debtor, tampered)).rejects.toThrow(PiiDecryptionFailed);
    await expect(vault.decryptFor(debtor, 'not a ciphertext')).rejects.toThrow(PiiDecryptionFailed);
  });

  it('refuses to open data keys with a different master key', async () => {
    const debtor = randomUUID();
    const ciphertext = await vault.encryptFor(debtor, 'Ana');
    const wrongMaster = await createPiiVault({
      pool: db().pool,
      schema: SCHEMA,
      wrapper: createLocalKeyWrapper(randomBytes(32)),
    });
    await expect(wrongMaster.decryptFor(debtor, ciphertext)).rejects.toThrow(KeyUnwrapFailed);
  });

  it('answers the erased marker once the key is destroyed, and encrypts nothing more for it', async () => {
    const debtor = randomUUID();
    const ciphertext = await vault.encryptFor(debtor, 'Ana María Pérez');
    await vault.erase(debtor);
    expect(await vault.decryptFor(debtor, ciphertext)).toBe(ERASED);
    expect(await vault.isErased(debtor)).toBe(true);
    await expect(vault.encryptFor(debtor, 'again')).rejects.toThrow(PiiSubjectErased);
    const fresh = await createPiiVault({
      pool: db().pool,
      schema: SCHEMA,
      wrapper: createLocalKeyWrapper(masterKey),
    });
    expect(await fresh.decryptFor(debtor, ciphertext)).toBe(ERASED);
  });

  it('keeps no key material for an erased debtor in the key table', async () => {
    const debtor = randomUUID();
    await vault.encryptFor(debtor, 'x');
    await vault.erase(debtor);
    const { rows } = await db().pool.query(
      `SELECT wrapped_key, erased_at FROM ${SCHEMA}.pii_data_keys WHERE subject_id = $1`,
      [debtor],
    );
    expect(rows).toEqual([{ wrapped_key: null, erased_at: expect.any(Date) }]);
  });
});
