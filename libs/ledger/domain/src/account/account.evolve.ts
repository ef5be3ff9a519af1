import { Components, minus, plus } from './balance';
import { addDays, IsoDate } from './calendar';
import { AccountEvent, AccountPlaced, ChargeAssessed } from './account.events';
import { Account, ActiveAccount, ClosedAccount, PlacedAccount } from './account.state';
import { afterAssessment, bank, startAccrual } from './interest-accrual';

/**
 * Applies one event to the state. Total: it never throws, and an event that cannot apply (anything
 * before a placement) leaves the state as it is, so replays of old streams always fold.
 */
export const evolve = (state: Account, event: AccountEvent): Account => {
  if (event.type === 'AccountPlaced') return placed(event.data);
  if (state.status === 'unplaced') return state;
  const s = state;
  switch (event.type) {
    case 'ChargeAssessed':
      return charged(s, event.data);
    case 'PaymentPosted': {
      const { paymentId, allocation, toCredit, amount, paidOn } = event.data;
      const banked = changingPrincipal(s, paidOn);
      const payments = new Map(s.payments).set(paymentId, { allocation, toCredit, amount, reversed: false });
      return { ...banked, balance: minus(s.balance, allocation), credit: s.credit + toCredit, payments };
    }
    case 'PaymentReversed': {
      const { paymentId, allocation, fromCredit, reversedOn, reason } = event.data;
      const banked = changingPrincipal(s, reversedOn);
      const record = s.payments.get(paymentId);
      const payments = record
        ? new Map(s.payments).set(paymentId, { ...record, reversed: true, reversedFor: reason })
        : s.payments;
      return { ...banked, balance: plus(s.balance, allocation), credit: s.credit - fromCredit, payments };
    }
    case 'AdjustmentApplied': {
      const { adjustmentId, delta, appliedOn } = event.data;
      const banked = changingPrincipal(s, appliedOn);
      return {
        ...banked,
        balance: plus(s.balance, delta),
        adjustmentIds: new Set(s.adjustmentIds).add(adjustmentId),
      };
    }
    case 'DueDateUpdated':
      return { ...s, firstUnpaidDueDate: event.data.to };
    case 'DelinquencyBucketChanged':
      return { ...s, bucket: event.data.to, lastAgedOn: event.data.asOf };
    case 'AccountWrittenOff':
    case 'AccountRecalled':
      return s; // the AccountClosed that follows changes the status
    case 'AccountClosed':
      return {
        ...withoutStatus(s),
        status: 'closed',
        reason: event.data.reason,
        closedOn: event.data.closedOn,
      };
    case 'AccountReopened':
      return { ...withoutStatus(s), status: 'active' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

const placed = (p: AccountPlaced['data']): ActiveAccount => ({
  status: 'active',
  accountId: p.accountId,
  creditorId: p.creditorId,
  currency: p.currency,
  timeZone: p.timeZone,
  placement: p,
  balance: p.balance,
  credit: 0n,
  interestTerms: p.interestTerms,
  accrual: startAccrual(p.placedOn),
  firstUnpaidDueDate: p.firstUnpaidDueDate,
  bucket: null,
  lastAgedOn: null,
  payments: new Map(),
  chargeIds: new Set(),
  adjustmentIds: new Set(),
});

const charged = <S extends ActiveAccount | ClosedAccount>(s: S, c: ChargeAssessed['data']): S => {
  const component: keyof Components = c.kind === 'interest' ? 'interest' : 'fees';
  const balance = { ...s.balance, [component]: s.balance[component] + c.amount };
  const accrual = c.accrual ? afterAssessment(c.accrual.through, c.accrual.carry) : s.accrual;
  return { ...s, balance, accrual, chargeIds: new Set(s.chargeIds).add(c.chargeId) };
};

/**
 * A change of principal on `effectiveOn` counts from that day: the days before it are banked at
 * the old principal first (days already accrued are never recounted).
 */
const changingPrincipal = <S extends ActiveAccount | ClosedAccount>(s: S, effectiveOn: IsoDate): S => ({
  ...s,
  accrual: bank(s.accrual, s.interestTerms, s.balance.principal, addDays(effectiveOn, -1)),
});

const withoutStatus = (s: ActiveAccount | ClosedAccount): PlacedAccount => {
  const { status: _status, reason: _reason, closedOn: _closedOn, ...placedAccount } = s as ClosedAccount;
  return placedAccount;
};
