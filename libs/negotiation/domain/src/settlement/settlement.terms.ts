import { isCurrency } from '@cartera/money';
import { isIsoDate } from '../shared/calendar';
import { approvalLimitsProblem } from './approval-limits';
import { COMPONENTS, totalOf } from './discount';
import { OfferSettlement } from './settlement.commands';

/** A short plan is short: a settlement is paid within a few instalments. */
export const MAX_SETTLEMENT_INSTALMENTS = 12;

const formProblem = (d: OfferSettlement['data']): string | null => {
  if (d.form.kind === 'lump_sum') return isIsoDate(d.form.dueOn) ? null : 'form.dueOn: must be a date';
  if (
    !Number.isInteger(d.form.instalments) ||
    d.form.instalments < 2 ||
    d.form.instalments > MAX_SETTLEMENT_INSTALMENTS
  )
    return `form.instalments: a whole number from 2 to ${MAX_SETTLEMENT_INSTALMENTS}`;
  return isIsoDate(d.form.firstDueOn) ? null : 'form.firstDueOn: must be a date';
};

const isPermutation = (order: readonly string[]): boolean =>
  order.length === COMPONENTS.length && COMPONENTS.every((c) => order.includes(c));

/** Why an offer is unusable, naming the fields, or null. */
export const offerProblem = (d: OfferSettlement['data']): string | null => {
  const missing = (['offerId', 'accountId', 'debtorId', 'creditorId'] as const).filter((k) => !d[k]);
  if (missing.length > 0) return `${missing.join(', ')}: required`;
  if (!isCurrency(d.currency)) return 'currency: not an ISO 4217 code';
  if (COMPONENTS.some((c) => d.balance[c] < 0n) || totalOf(d.balance) <= 0n)
    return 'balance: components must not be negative and the balance must be positive';
  if (d.settlementAmount <= 0n || d.settlementAmount > totalOf(d.balance))
    return 'settlementAmount: must be positive and at most the balance';
  if (d.discountOrder && !isPermutation(d.discountOrder)) return 'discountOrder: each component once';
  if (!isIsoDate(d.expiresOn)) return 'expiresOn: must be a date';
  return formProblem(d) ?? approvalLimitsProblem(d.limits);
};
