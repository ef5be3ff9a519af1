import { Component, Components, NO_COMPONENTS } from './balance';

/**
 * The order in which a payment pays the balance components (a creditor's choice; it arrives in
 * the command). Every component appears exactly once.
 */
export type Waterfall = readonly Component[];

/** Fees first, then interest, then principal: the collections default. */
export const DEFAULT_WATERFALL: Waterfall = ['fees', 'interest', 'principal'];

/** How a payment was split: the amount each component received and what went to the credit balance. */
export type PaymentAllocation = Readonly<{ allocation: Components; toCredit: bigint }>;

/**
 * The waterfall: each component in order takes as much of the payment as it owes; what is left
 * after the last one is an overpayment and goes to the credit balance, never lost.
 * allocation + toCredit always equals the amount.
 */
export const allocatePayment = (
  amount: bigint,
  owed: Components,
  waterfall: Waterfall = DEFAULT_WATERFALL,
): PaymentAllocation => {
  const problem = waterfallProblem(waterfall);
  if (problem) throw new RangeError(problem);
  if (amount < 0n) throw new RangeError('A payment amount is never negative');
  let left = amount;
  const allocation: Record<Component, bigint> = { ...NO_COMPONENTS };
  for (const component of waterfall) {
    const paid = owed[component] > 0n ? (left < owed[component] ? left : owed[component]) : 0n;
    allocation[component] = paid;
    left -= paid;
  }
  return { allocation, toCredit: left };
};

/** Why a waterfall is unusable, or null. */
export const waterfallProblem = (waterfall: Waterfall): string | null => {
  const names: Component[] = ['principal', 'interest', 'fees'];
  const ok = waterfall.length === names.length && names.every((c) => waterfall.includes(c));
  return ok ? null : `a waterfall orders each of ${names.join(', ')} exactly once`;
};
