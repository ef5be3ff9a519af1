// Personal-data protection: per-subject data keys (crypto-shredding), blind indexes, the KMS port.
export type { Ciphertext } from './ciphertext';
export { isCiphertext } from './ciphertext';
export { KeyUnwrapFailed, type KeyWrapper } from './key-wrapper.port';
export { createLocalKeyWrapper, parseMasterKey } from './local-key-wrapper';
export { loadOrCreateMasterKeyFile } from './master-key-file';
export { keyStoreTable } from './key-store';
export {
  createPiiVault,
  ERASED,
  isErased,
  PiiDecryptionFailed,
  PiiSubjectErased,
  type Erased,
  type PiiVault,
  type PiiVaultOptions,
} from './pii-vault';
export { createBlindIndexer, deriveKey, type BlindIndexer } from './blind-index';
