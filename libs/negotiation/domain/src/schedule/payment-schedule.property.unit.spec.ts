import fc from 'fast-check';
import { Frequency } from './frequency';
import { paymentSchedule } from './payment-schedule';
import { ScheduleTerms } from './schedule.types';

const frequency: fc.Arbitrary<Frequency> = fc.oneof(
  fc.constant({ kind: 'weekly' as const }),
  fc.constant({ kind: 'biweekly' as const }),
  fc.integer({ min: 1, max: 31 }).map((dayOfMonth) => ({ kind: 'monthly' as const, dayOfMonth })),
);
const firstDueOn = fc
  .date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const byCount: fc.Arbitrary<ScheduleTerms> = fc
  .record({
    instalments: fc.integer({ min: 1, max: 120 }),
    extra: fc.bigInt({ min: 0n, max: 50_000_000n }),
    rate: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60_00 })),
    frequency,
    firstDueOn,
  })
  .map(({ instalments, extra, rate, frequency, firstDueOn }) => ({
    principal: BigInt(instalments) + extra,
    currency: 'USD',
    firstDueOn,
    frequency,
    size: { instalments },
    annualRateBps: rate,
  }));

const byAmount: fc.Arbitrary<ScheduleTerms> = fc
  .record({ principal: fc.bigInt({ min: 1n, max: 50_000_000n }), share: fc.integer({ min: 1, max: 100 }) })
  .map(({ principal, share }) => ({
    principal,
    currency: 'USD',
    firstDueOn: '2025-03-31',
    frequency: { kind: 'monthly', dayOfMonth: 31 },
    size: { instalmentAmount: principal / BigInt(share) + 1n },
  }));

const pow = (base: bigint, exponent: number): bigint => base ** BigInt(exponent);

/**
 * The textbook annuity A = F·r / (1 − (1+r)^−n) with r = a / b, written on whole numbers:
 * A = F·a·(a+b)^n / (b·((a+b)^n − b^n)); returned as [numerator, denominator].
 */
const closedFormAnnuity = (
  financed: bigint,
  bps: number,
  periodsPerYear: bigint,
  n: number,
): [bigint, bigint] => {
  const a = BigInt(bps);
  const b = 10_000n * periodsPerYear;
  if (a === 0n) return [financed, BigInt(n)];
  return [financed * a * pow(a + b, n), b * (pow(a + b, n) - pow(b, n))];
};
/** s = ((1+r)^n − 1) / r, the value of n payments of 1 at the last date, as [numerator, denominator]. */
const annuityFactor = (bps: number, periodsPerYear: bigint, n: number): [bigint, bigint] => {
  const a = BigInt(bps);
  const b = 10_000n * periodsPerYear;
  return a === 0n ? [BigInt(n), 1n] : [pow(a + b, n) - pow(b, n), a * pow(b, n - 1)];
};
const perYear = (f: Frequency): bigint => (f.kind === 'weekly' ? 52n : f.kind === 'biweekly' ? 26n : 12n);

describe('payment schedule properties', () => {
  it('sums exactly to principal + interest, whatever the terms', () =>
    fc.assert(
      fc.property(fc.oneof(byCount, byAmount), (terms) => {
        const schedule = paymentSchedule(terms);
        const sum = schedule.instalments.reduce((total, i) => total + i.amount, 0n);
        expect(sum).toBe(schedule.total);
        expect(schedule.total).toBe(terms.principal + schedule.interest);
        expect(schedule.instalments.reduce((total, i) => total + i.principal, 0n)).toBe(terms.principal);
      }),
    ));

  it('has equal instalments but the last, which differs by exactly the remainder', () =>
    fc.assert(
      fc.property(fc.oneof(byCount, byAmount), (terms) => {
        const { instalments, regularAmount, remainder } = paymentSchedule(terms);
        const amounts = instalments.map((i) => i.amount);
        expect(amounts.slice(0, -1).every((a) => a === regularAmount)).toBe(true);
        expect(amounts[amounts.length - 1] - regularAmount).toBe(remainder);
        expect(amounts.every((a) => a > 0n)).toBe(true);
      }),
    ));

  it('keeps an interest-free remainder below one minor unit per instalment', () =>
    fc.assert(
      fc.property(byCount, (terms) => {
        const { remainder, instalments } = paymentSchedule({ ...terms, annualRateBps: 0 });
        expect(remainder >= 0n && remainder < BigInt(instalments.length)).toBe(true);
      }),
    ));

  it('charges the annuity of the closed form, rounded down, on every regular instalment', () =>
    fc.assert(
      fc.property(byCount, (terms) => {
        const n = 'instalments' in terms.size ? terms.size.instalments : 0;
        const [num, den] = closedFormAnnuity(
          terms.principal,
          terms.annualRateBps ?? 0,
          perYear(terms.frequency),
          n,
        );
        const schedule = paymentSchedule(terms);
        expect(schedule.regularAmount).toBe(n === 1 ? schedule.total : num / den);
        // The last instalment is the exact annuity give or take the roundings, compounded: at most
        // 1½ minor units per period, accumulated at the plan's rate (the annuity factor s).
        const last = schedule.instalments[n - 1].amount;
        const deviation = last * den - num;
        const [sNum, sDen] = annuityFactor(terms.annualRateBps ?? 0, perYear(terms.frequency), n);
        expect(2n * (deviation < 0n ? -deviation : deviation) * sDen <= 3n * den * sNum).toBe(true);
      }),
    ));
});
