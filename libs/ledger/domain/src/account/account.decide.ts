import { bucketFor, bucketSchemeProblem, daysPastDue, DEFAULT_BUCKETS } from './aging';
import { allocatePayment, DEFAULT_WATERFALL, waterfallProblem } from './allocate-payment';
import { components, COMPONENTS, isNonNegative, minus, plus, totalOf, withinMoneyLimit } from './balance';
import { addDays, IsoDate, localDateIn } from './calendar';
import {
  AccountCommand,
  AccrueInterest,
  AgeAccount,
  ApplyAdjustment,
  AssessCharge,
  CloseAccount,
  PlaceAccount,
  PostPayment,
  Recall,
  ReversePayment,
  UpdateDueDate,
  WriteOff,
} from './account.commands';
import { AccountRuleViolated } from './account.errors';
import {
  AccountClosed,
  AccountEvent,
  AccountReopened,
  ChargeAssessed,
  ClosureReason,
  PaymentReversed,
} from './account.events';
import { evolve } from './account.evolve';
import {
  activeOnly,
  bounded,
  businessDate,
  placedOnly,
  positive,
  sameCurrency,
  validDate,
} from './account.guards';
import { Account, ActiveAccount, ClosedAccount } from './account.state';
import { assessInterest } from './interest-accrual';
import { placementProblem, sameData } from './placement';

export const decide = (command: AccountCommand, state: Account): AccountEvent[] => {
  switch (command.type) {
    case 'PlaceAccount':
      return placeAccount(command, state);
    case 'PostPayment':
      return postPayment(command, placedOnly(state));
    case 'ReversePayment':
      return reversePayment(command, placedOnly(state));
    case 'AssessCharge':
      return assessCharge(command, placedOnly(state));
    case 'AccrueInterest':
      return accrueInterest(command, placedOnly(state));
    case 'ApplyAdjustment':
      return applyAdjustment(command, placedOnly(state));
    case 'UpdateDueDate':
      return updateDueDate(command, placedOnly(state));
    case 'AgeAccount':
      return ageAccount(command, placedOnly(state));
    case 'WriteOff':
      return writeOff(command, placedOnly(state));
    case 'Recall':
      return recall(command, placedOnly(state));
    case 'CloseAccount':
      return closeAccount(command, placedOnly(state));
    default: {
      const unknown: never = command;
      throw new Error(`Unhandled command ${(unknown as AccountCommand).type}`);
    }
  }
};

type Placed = ActiveAccount | ClosedAccount;

/** Ids derive from (creditor, reference): a re-import of the same row lands here and decides nothing. */
const placeAccount = (c: PlaceAccount, s: Account): AccountEvent[] => {
  if (s.status !== 'unplaced') {
    // When it was placed is not part of the placement's content: the same row imported again
    // next week is still the same placement.
    const { placedOn: _placedOn, placedAt: _placedAt, ...recorded } = s.placement;
    const { placedAt: _again, ...incoming } = c.data;
    if (sameData(recorded, incoming)) return [];
    throw new AccountRuleViolated('already_placed', 'a different placement exists for this account id');
  }
  const problem = placementProblem(c.data);
  if (problem) throw new AccountRuleViolated('invalid_placement', problem);
  if (!COMPONENTS.every((k) => withinMoneyLimit(c.data.balance[k])))
    throw new AccountRuleViolated('invalid_placement', 'a balance component is beyond the money limit');
  return [
    { type: 'AccountPlaced', data: { ...c.data, placedOn: localDateIn(c.data.timeZone, c.data.placedAt) } },
  ];
};

/**
 * Interest accrued before the payment's day is assessed first, so the waterfall sees the same
 * interest whatever the accrual job's schedule; a payment that clears the balance closes the account.
 */
const postPayment = (c: PostPayment, placed: Placed): AccountEvent[] => {
  const { paymentId, amount, currency, paidAt, channel, waterfall = DEFAULT_WATERFALL } = c.data;
  if (placed.payments.has(paymentId)) return [];
  const s = activeOnly(placed);
  const paidIn = sameCurrency(s, currency);
  positive(bounded('amount', amount));
  const problem = waterfallProblem(waterfall);
  if (problem) throw new AccountRuleViolated('invalid_command', problem);
  const paidOn = businessDate(s, 'paidAt', paidAt);
  const interest = interestThrough(s, addDays(paidOn, -1));
  const owed = interest.reduce<Account>(evolve, s) as ActiveAccount;
  const { allocation, toCredit } = allocatePayment(amount, owed.balance, waterfall);
  withinTolerance(toCredit, c.data.overpaymentTolerance);
  const left = minus(owed.balance, allocation);
  return [
    ...interest,
    {
      type: 'PaymentPosted',
      data: { paymentId, amount, currency: paidIn, paidAt, paidOn, channel, waterfall, allocation, toCredit },
    },
    ...(totalOf(left) === 0n ? [closed('paid_in_full', left, paidAt, paidOn)] : []),
  ];
};

/** An overpayment beyond the creditor's tolerance is refused rather than parked on the credit balance. */
const withinTolerance = (toCredit: bigint, tolerance: bigint | undefined): void => {
  if (tolerance !== undefined && toCredit > tolerance)
    throw new AccountRuleViolated(
      'overpayment_beyond_tolerance',
      `${toCredit} minor units beyond the balance; the creditor tolerates ${tolerance}`,
    );
};

/** Undoes exactly the payment's allocation; reopens an account the balance had been paid off on. */
const reversePayment = (c: ReversePayment, s: Placed): AccountEvent[] => {
  const { paymentId, reason, reversedAt } = c.data;
  const payment = s.payments.get(paymentId);
  if (!payment) throw new AccountRuleViolated('unknown_payment', paymentId);
  if (payment.reversed) {
    if (payment.reversedFor === reason) return []; // the same reversal retried
    throw new AccountRuleViolated('payment_already_reversed', paymentId);
  }
  const reversedOn = businessDate(s, 'reversedAt', reversedAt);
  const { allocation, toCredit: fromCredit, amount } = payment;
  const owedAgain = totalOf(plus(s.balance, allocation)) > 0n;
  const reversed: PaymentReversed = {
    type: 'PaymentReversed',
    data: { paymentId, reason, amount, currency: s.currency, allocation, fromCredit, reversedAt, reversedOn },
  };
  if (s.status !== 'closed' || s.reason !== 'paid_in_full' || !owedAgain) return [reversed];
  const reopened: AccountReopened = {
    type: 'AccountReopened',
    data: { reason: 'payment_reversed', paymentId, reopenedAt: reversedAt, reopenedOn: reversedOn },
  };
  return [reversed, reopened];
};

const assessCharge = (c: AssessCharge, placed: Placed): AccountEvent[] => {
  const { chargeId, kind, amount, currency, assessedAt, description } = c.data;
  if (placed.chargeIds.has(chargeId)) return [];
  const s = activeOnly(placed);
  const chargedIn = sameCurrency(s, currency);
  positive(bounded('amount', amount));
  const assessedOn = businessDate(s, 'assessedAt', assessedAt);
  return [
    {
      type: 'ChargeAssessed',
      data: {
        chargeId,
        kind,
        amount,
        currency: chargedIn,
        assessedOn,
        accrual: null,
        description: description ?? null,
      },
    },
  ];
};

/** Closed accounts accrue nothing; days already assessed are never assessed again. */
const accrueInterest = (c: AccrueInterest, s: Placed): AccountEvent[] =>
  s.status === 'closed' ? [] : interestThrough(s, validDate('through', c.data.through));

const interestThrough = (s: ActiveAccount, through: IsoDate): ChargeAssessed[] => {
  const due = assessInterest(s.accrual, s.interestTerms, s.balance.principal, through);
  if (!due || !s.interestTerms) return [];
  const { amount, from, carry } = due;
  const accrual = { from, through: due.through, annualRateBps: s.interestTerms.annualRateBps, carry };
  const chargeId = `interest-${due.through}`;
  return [
    {
      type: 'ChargeAssessed',
      data: {
        chargeId,
        kind: 'interest',
        amount,
        currency: s.currency,
        assessedOn: due.through,
        accrual,
        description: null,
      },
    },
  ];
};

const applyAdjustment = (c: ApplyAdjustment, placed: Placed): AccountEvent[] => {
  const { adjustmentId, currency, reason, note, appliedAt } = c.data;
  if (placed.adjustmentIds.has(adjustmentId)) return [];
  const s = activeOnly(placed);
  const adjustedIn = sameCurrency(s, currency);
  const delta = components(c.data.delta);
  COMPONENTS.forEach((k) => bounded(`delta.${k}`, delta[k]));
  if (COMPONENTS.every((k) => delta[k] === 0n))
    throw new AccountRuleViolated('non_positive_amount', 'an adjustment must change a component');
  if (!isNonNegative(plus(s.balance, delta))) throw new AccountRuleViolated('adjustment_below_zero');
  const appliedOn = businessDate(s, 'appliedAt', appliedAt);
  return [
    {
      type: 'AdjustmentApplied',
      data: { adjustmentId, delta, currency: adjustedIn, reason, note: note ?? null, appliedAt, appliedOn },
    },
  ];
};

const updateDueDate = (c: UpdateDueDate, placed: Placed): AccountEvent[] => {
  const s = activeOnly(placed);
  const to = validDate('firstUnpaidDueDate', c.data.firstUnpaidDueDate);
  businessDate(s, 'updatedAt', c.data.updatedAt);
  if (to === s.firstUnpaidDueDate) return [];
  return [
    {
      type: 'DueDateUpdated',
      data: { from: s.firstUnpaidDueDate, to, reason: c.data.reason, updatedAt: c.data.updatedAt },
    },
  ];
};

/** Emits only on a change of bucket; closed accounts are not aged, and an older `asOf` never moves a bucket back. */
const ageAccount = (c: AgeAccount, s: Placed): AccountEvent[] => {
  const { buckets = DEFAULT_BUCKETS } = c.data;
  const asOf = validDate('asOf', c.data.asOf);
  const problem = bucketSchemeProblem(buckets);
  if (problem) throw new AccountRuleViolated('invalid_command', problem);
  if (s.status === 'closed' || (s.lastAgedOn !== null && asOf < s.lastAgedOn)) return [];
  const dpd = daysPastDue(s.firstUnpaidDueDate, asOf);
  const to = bucketFor(dpd, buckets);
  return to === s.bucket
    ? []
    : [{ type: 'DelinquencyBucketChanged', data: { from: s.bucket, to, dpd, asOf } }];
};

/** The balance stays owed (and visible) after a write-off; the account is no longer worked. */
const writeOff = (c: WriteOff, placed: Placed): AccountEvent[] => {
  if (placed.status === 'closed' && placed.reason === 'written_off') return [];
  const s = activeOnly(placed);
  const { writtenOffAt, reason } = c.data;
  const writtenOffOn = businessDate(s, 'writtenOffAt', writtenOffAt);
  return [
    {
      type: 'AccountWrittenOff',
      data: { amount: s.balance, currency: s.currency, reason: reason ?? null, writtenOffAt, writtenOffOn },
    },
    closed('written_off', s.balance, writtenOffAt, writtenOffOn),
  ];
};

const recall = (c: Recall, placed: Placed): AccountEvent[] => {
  if (placed.status === 'closed' && placed.reason === 'recalled') return [];
  const s = activeOnly(placed);
  const { recalledAt, reason } = c.data;
  const recalledOn = businessDate(s, 'recalledAt', recalledAt);
  return [
    {
      type: 'AccountRecalled',
      data: { balance: s.balance, currency: s.currency, reason: reason ?? null, recalledAt, recalledOn },
    },
    closed('recalled', s.balance, recalledAt, recalledOn),
  ];
};

const closeAccount = (c: CloseAccount, placed: Placed): AccountEvent[] => {
  if (placed.status === 'closed' && placed.reason === c.data.reason) return [];
  const s = activeOnly(placed);
  return [closed(c.data.reason, s.balance, c.data.closedAt, businessDate(s, 'closedAt', c.data.closedAt))];
};

const closed = (
  reason: ClosureReason,
  balance: AccountClosed['data']['balance'],
  closedAt: string,
  closedOn: IsoDate,
): AccountClosed => ({
  type: 'AccountClosed',
  data: { reason, balance, closedAt, closedOn },
});
