import type { MadePromise } from '@cartera/negotiation-domain';
import { paidWithin } from '@cartera/negotiation-domain';
import type { PromiseViewDto } from './promise.dto';
import type { PromiseRow } from './promises.projection';

export type PromiseView = PromiseViewDto;

export const viewFromRow = (r: PromiseRow): PromiseView => ({
  promiseId: r.promiseId,
  accountId: r.accountId,
  debtorId: r.debtorId,
  creditorId: r.creditorId,
  currency: r.currency,
  amountMinor: r.amount.toString(),
  paidMinor: r.paid.toString(),
  dueOn: r.dueOn,
  deadline: r.deadline,
  status: r.status,
  ruleVersion: r.ruleVersion,
  decidedOn: r.decidedOn,
});

/** The answer to a command: the promise as the decision left it (the read model catches up just after). */
export const viewFromState = (s: MadePromise): PromiseView => ({
  promiseId: s.terms.promiseId,
  accountId: s.terms.accountId,
  debtorId: s.terms.debtorId,
  creditorId: s.terms.creditorId,
  currency: s.terms.currency,
  amountMinor: s.terms.amount.toString(),
  paidMinor: paidWithin(s).toString(),
  dueOn: s.terms.dueOn,
  deadline: s.deadline,
  status: s.status,
  ruleVersion: s.terms.rule.version,
  decidedOn: s.decidedOn,
});
