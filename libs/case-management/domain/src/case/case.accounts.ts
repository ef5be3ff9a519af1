import {
  LinkAccountToCase,
  RecordAccountClosure,
  RecordAging,
  RecordPayment,
  RecordPaymentReversal,
} from './case.commands';
import { CaseRuleViolated } from './case.errors';
import { alert } from './case.alerts';
import { CaseClosed, CaseEvent, CaseStatusChanged } from './case.events';
import { linked, openedOnly, validDate, validInstant } from './case.guards';
import { Case, LinkedAccount, OpenedCase } from './case.state';
import { factMove, statusChanged } from './case.status';

// Facts from the ledger about the case's accounts: each one is naturally idempotent (an account
// already linked, a payment already recorded, a bucket already reached decides nothing).

/** Opens the case with its first account, links the next ones; a closed case is worked again. */
export const linkAccount = (c: LinkAccountToCase, s: Case): CaseEvent[] => {
  const {
    caseId,
    debtorId,
    creditorId,
    currency,
    accountId,
    balance,
    chargedOffOn,
    lastPaymentOn,
    at,
    cause,
  } = c.data;
  validInstant('at', at);
  const link: CaseEvent = {
    type: 'AccountLinkedToCase',
    data: {
      accountId,
      balance,
      chargedOffOn,
      lastPaymentOn,
      jurisdiction: c.data.jurisdiction,
      linkedAt: at,
      cause,
    },
  };
  if (s.status === 'unopened')
    return [
      { type: 'CaseOpened', data: { caseId, debtorId, creditorId, currency, openedAt: at, cause } },
      link,
    ];
  if (s.accounts.has(accountId)) return [];
  if (currency !== s.currency)
    throw new CaseRuleViolated('currency_mismatch', `${currency} account on a ${s.currency} case`);
  return [link, ...reopened(s, at, cause)];
};

const reopened = (
  s: OpenedCase,
  at: string,
  cause: LinkAccountToCase['data']['cause'],
): CaseStatusChanged[] =>
  s.status !== 'closed' ? [] : [statusChanged('closed', s.holds.size > 0 ? 'on_hold' : 'new', at, cause)];

/** Money in: a case not yet in an arrangement awaits the rest of the balance. */
export const recordPayment = (c: RecordPayment, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { accountId, paymentId, applied, paidOn, at, cause } = c.data;
  if (linked(s, accountId).payments.has(paymentId)) return [];
  validDate('paidOn', paidOn);
  return [
    { type: 'AccountPaymentRecorded', data: { accountId, paymentId, applied, paidOn, cause } },
    ...factMove(s, ['new', 'contacted', 'negotiating', 'severe_delinquency'], 'pending_payment', at, cause),
  ];
};

/** A reversal puts the balance back and tells the agent; the status stays where it is. */
export const recordReversal = (c: RecordPaymentReversal, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { accountId, paymentId, restored, reversedOn, at, cause } = c.data;
  if (linked(s, accountId).reversals.has(paymentId)) return [];
  validDate('reversedOn', reversedOn);
  return [
    { type: 'AccountPaymentReversed', data: { accountId, paymentId, restored, reversedOn, cause } },
    alert(`reversal-${accountId}-${paymentId}`, 'payment_reversed', accountId, at, cause),
  ];
};

/** Crossing the creditor's severe threshold moves a case nobody is paying on to severe delinquency. */
export const recordAging = (c: RecordAging, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { accountId, bucket, dpd, asOf, policy, at, cause } = c.data;
  const account = linked(s, accountId);
  if (account.bucket === bucket && account.dpd === dpd) return [];
  validDate('asOf', asOf);
  const severe =
    dpd >= policy.severeFromDpd
      ? factMove(
          s,
          ['new', 'contacted', 'negotiating', 'pending_payment'],
          'severe_delinquency',
          at,
          cause,
          policy.version,
        )
      : [];
  return [{ type: 'AccountAged', data: { accountId, bucket, dpd, asOf, cause } }, ...severe];
};

/** The last linked account closing closes the case (from whatever status, a hold included). */
export const recordClosure = (c: RecordAccountClosure, state: Case): CaseEvent[] => {
  const s = openedOnly(state);
  const { accountId, reason, at, cause } = c.data;
  if (linked(s, accountId).closedAs !== null) return [];
  const closures = closuresAfter(s.accounts, accountId, reason);
  const closing: CaseEvent[] =
    Object.keys(closures).length === s.accounts.size
      ? [statusChanged(s.status, 'closed', at, cause), caseClosed(closures, at, cause)]
      : [];
  return [{ type: 'LinkedAccountClosed', data: { accountId, reason, closedAt: at, cause } }, ...closing];
};

const closuresAfter = (
  accounts: ReadonlyMap<string, LinkedAccount>,
  accountId: string,
  reason: RecordAccountClosure['data']['reason'],
): Record<string, RecordAccountClosure['data']['reason']> => {
  const out: Record<string, RecordAccountClosure['data']['reason']> = {};
  for (const [id, a] of accounts) if (a.closedAs) out[id] = a.closedAs;
  out[accountId] = reason;
  return out;
};

const caseClosed = (
  closures: CaseClosed['data']['closures'],
  closedAt: string,
  cause: CaseClosed['data']['cause'],
): CaseClosed => ({
  type: 'CaseClosed',
  data: { closures, closedAt, cause },
});
