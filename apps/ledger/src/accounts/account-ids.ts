import { v5 } from 'uuid';

// Fixed namespaces: changing either would re-key every account and debtor, so they never change.
const ACCOUNT_NAMESPACE = '3c0f6d1e-8a57-4b8e-9f0a-6f2d1b9c7e21';
const DEBTOR_NAMESPACE = '9a4e2b70-1c3d-4f5a-8b6c-2d7e0f1a3b45';

/** The account id of a creditor's account reference: a re-import lands on the same stream. */
export const accountIdOf = (creditorId: string, creditorAccountRef: string): string =>
  v5(`${creditorId}/${creditorAccountRef}`, ACCOUNT_NAMESPACE);

/** Cartera's debtor id of a creditor's debtor reference: the bus key of every ledger message. */
export const debtorIdOf = (creditorId: string, debtorReference: string): string =>
  v5(`${creditorId}/${debtorReference}`, DEBTOR_NAMESPACE);

export const accountStreamId = (accountId: string): string => `account-${accountId}`;

/** The account id of an `account-<id>` stream. */
export const accountIdOfStream = (streamId: string): string => streamId.slice('account-'.length);
