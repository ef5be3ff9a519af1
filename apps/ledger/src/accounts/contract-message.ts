import type { Components } from '@cartera/ledger-domain';
import type { ContractMessage } from '@cartera/messaging';

/** Money by component as contracts carry it: minor units as strings. */
export const money = (c: Components) => ({
  principal: c.principal.toString(),
  interest: c.interest.toString(),
  fees: c.fees.toString(),
});

/** A v1 contract message keyed by debtor (one debtor's messages stay in order). */
export const message = <P>(type: string, key: string, payload: P): ContractMessage => ({
  type,
  schemaVersion: 1,
  key,
  payload,
});
