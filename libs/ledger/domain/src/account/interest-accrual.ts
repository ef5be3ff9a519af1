import { addDays, daysBetween, IsoDate } from './calendar';

/** A simple annual rate in basis points (2499 = 24.99 %), daily on principal, actual/365; null: none. */
export type InterestTerms = Readonly<{ annualRateBps: number }>;

/** One day of one bp on one minor unit is 1/(365 × 10 000) of a unit: nothing rounds until assessed. */
export const ACCRUAL_DENOMINATOR = 365n * 10_000n;

/**
 * `accruedThrough`: the last day counted; `carry`: interest counted but not assessed, in
 * 1/3,650,000 of a minor unit; `periodStart`: the first day no interest charge covers yet.
 */
export type AccrualPosition = Readonly<{ accruedThrough: IsoDate; carry: bigint; periodStart: IsoDate }>;

export const startAccrual = (placedOn: IsoDate): AccrualPosition => ({
  accruedThrough: placedOn,
  carry: 0n,
  periodStart: addDays(placedOn, 1),
});

/**
 * Banks the exact interest of the days after `accruedThrough` up to `through` at `principal`; the
 * ledger banks before every change of principal. Actual/365: every day counts, 29 February too.
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
 * Interest to assess through a day: banked carry plus the days since, rounded down once to whole
 * minor units (the remainder stays in the carry), so any schedule of runs assesses the same total.
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
