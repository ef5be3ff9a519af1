import { addDays, daysBetween, IsoDate } from './calendar';

/**
 * Interest terms of an account: a simple annual rate in basis points (2499 = 24.99 % a year),
 * accrued daily on principal only, actual/365. `null` on an account means no interest accrues.
 */
export type InterestTerms = Readonly<{ annualRateBps: number }>;

/**
 * The accrual unit: one day of one basis point on one minor unit is 1/(365 × 10 000) of a minor
 * unit, so a day of interest is exactly `principal × rateBps` of these and nothing ever rounds
 * until an amount is assessed.
 */
export const ACCRUAL_DENOMINATOR = 365n * 10_000n;

/**
 * Where interest accrual stands. `accruedThrough` is the last day whose interest is counted
 * (assessed or in `carry`); `carry` is interest accrued but not yet assessed, in 1/3,650,000 of a
 * minor unit (always the exact sub-unit remainder after the last assessment, plus any days banked
 * since); `periodStart` is the first day not yet covered by an interest charge.
 */
export type AccrualPosition = Readonly<{ accruedThrough: IsoDate; carry: bigint; periodStart: IsoDate }>;

export const startAccrual = (placedOn: IsoDate): AccrualPosition => ({
  accruedThrough: placedOn,
  carry: 0n,
  periodStart: addDays(placedOn, 1),
});

/**
 * Counts the exact interest of the days after `accruedThrough` up to `through` at `principal`
 * into the carry. The ledger banks before every change of principal (dated the day the change
 * takes effect), so each day accrues on the principal it really had, whenever it is assessed.
 *
 * Actual/365: every calendar day counts and each accrues 1/365 of the annual rate, so a leap year
 * (366 days, 29 February included) accrues 366/365 of the rate — the convention ignores leap days
 * in the divisor, not in the count.
 */
export const bank = (
  position: AccrualPosition,
  terms: InterestTerms | null,
  principal: bigint,
  through: IsoDate,
): AccrualPosition => {
  const days = daysBetween(position.accruedThrough, through);
  if (!terms || days <= 0) return position;
  return {
    ...position,
    accruedThrough: through,
    carry: position.carry + principal * BigInt(terms.annualRateBps) * BigInt(days),
  };
};

/** An interest assessment: whole minor units due for `from`…`through` and the carry left after it. */
export type InterestAssessment = Readonly<{ amount: bigint; from: IsoDate; through: IsoDate; carry: bigint }>;

/**
 * The interest to assess through a day: the banked carry plus the days since, in whole minor
 * units, rounded down once (the sub-unit remainder stays in the carry for the next assessment).
 * Hence the interest assessed up to any day equals the exact accrual up to that day rounded down
 * once, whether the job ran daily, weekly or once to catch up. Null when nothing whole is due.
 */
export const assessInterest = (
  position: AccrualPosition,
  terms: InterestTerms | null,
  principal: bigint,
  through: IsoDate,
): InterestAssessment | null => {
  const banked = bank(position, terms, principal, through);
  const amount = banked.carry / ACCRUAL_DENOMINATOR;
  if (amount === 0n) return null;
  return {
    amount,
    from: position.periodStart,
    through: banked.accruedThrough,
    carry: banked.carry % ACCRUAL_DENOMINATOR,
  };
};

/** The position after an interest charge was assessed through `through`, leaving `carry`. */
export const afterAssessment = (through: IsoDate, carry: bigint): AccrualPosition => ({
  accruedThrough: through,
  carry,
  periodStart: addDays(through, 1),
});
