import { hash } from 'node:crypto';
import { v5 } from 'uuid';

// Fixed namespaces: changing either would re-key every account and debtor, so they never change.
const ACCOUNT_NAMESPACE = '3c0f6d1e-8a57-4b8e-9f0a-6f2d1b9c7e21';
const DEBTOR_NAMESPACE = '9a4e2b70-1c3d-4f5a-8b6c-2d7e0f1a3b45';

const namespaceBytes = (namespace: string): Buffer => Buffer.from(namespace.replace(/-/g, ''), 'hex');
const ACCOUNT_NAMESPACE_BYTES = namespaceBytes(ACCOUNT_NAMESPACE);
const DEBTOR_NAMESPACE_BYTES = namespaceBytes(DEBTOR_NAMESPACE);

// One scratch buffer for namespace ‖ UTF-8 name (an import derives an id per row).
let scratch = Buffer.alloc(1024);
const VARIANT = '89ab';

/**
 * RFC 9562 UUID v5, the same as `uuid`'s `v5(name, namespace)` (a unit test holds them equal), at
 * a fraction of its cost: one SHA-1 over a reused buffer, formatted from the hex digest.
 */
const uuidV5 = (name: string, namespace: Buffer, namespaceText: string): string => {
  // `uuid` refuses a lone surrogate (encodeURIComponent throws); let it say so.
  if (!(name as unknown as { isWellFormed(): boolean }).isWellFormed()) return v5(name, namespaceText);
  const size = 16 + name.length * 3;
  if (scratch.length < size) scratch = Buffer.alloc(Math.max(size, scratch.length * 2));
  namespace.copy(scratch, 0);
  const length = 16 + scratch.write(name, 16, 'utf8');
  const h = hash('sha1', scratch.subarray(0, length), 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${VARIANT[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The account id of a creditor's account reference: a re-import lands on the same stream. */
export const accountIdOf = (creditorId: string, creditorAccountRef: string): string =>
  uuidV5(`${creditorId}/${creditorAccountRef}`, ACCOUNT_NAMESPACE_BYTES, ACCOUNT_NAMESPACE);

/** Cartera's debtor id of a creditor's debtor reference: the bus key of every ledger message. */
export const debtorIdOf = (creditorId: string, debtorReference: string): string =>
  uuidV5(`${creditorId}/${debtorReference}`, DEBTOR_NAMESPACE_BYTES, DEBTOR_NAMESPACE);

export const accountStreamId = (accountId: string): string => `account-${accountId}`;

/** The account id of an `account-<id>` stream. */
export const accountIdOfStream = (streamId: string): string => streamId.slice('account-'.length);
