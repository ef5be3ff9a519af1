import { Rational, rational } from '../shared/rational';
import { TermsProblem } from './schedule.types';

/** The longest plan a schedule may have (ten years of weekly instalments). */
export const MAX_INSTALMENTS = 520;

export type AmortisedLine = Readonly<{ amount: bigint; principal: bigint; interest: bigint }>;
export type Amortisation = Readonly<{ lines: AmortisedLine[] }> | Readonly<{ problem: TermsProblem }>;

/**
 * The annuity instalment F·r·(1+r)^n / ((1+r)^n − 1), exact; with no interest simply F / n. With
 * r = a/b it is F·a·(a+b)^n / (b·((a+b)^n − b^n)), kept unreduced: a gcd on numbers this size
 * costs more than the one division that follows. Exported so the schedule and its tests name the
 * same formula.
 */
export const annuityInstalment = (financed: bigint, rate: Rational, count: number): Rational => {
  if (rate.num === 0n) return rational(financed, BigInt(count));
  const n = BigInt(count);
  const growth = (rate.den + rate.num) ** n;
  return { num: financed * rate.num * growth, den: rate.den * (growth - rate.den ** n) };
};

/** Floor of a non-negative rational: regular instalments are rounded down, the last one takes the rest. */
const floorOf = (r: Rational): bigint => r.num / r.den;

/** Interest of one period on the declining balance (balance · a/b), rounded half up to the minor unit. */
const periodInterest = (balance: bigint, rate: Rational): bigint => {
  const exact = balance * rate.num;
  const rounded = ((exact < 0n ? -exact : exact) * 2n + rate.den) / (2n * rate.den);
  return exact < 0n ? -rounded : rounded;
};

/** A fixed number of equal instalments (rounded down), the remainder on the last one. */
export const amortiseByCount = (financed: bigint, rate: Rational, count: number): AmortisedLine[] => {
  const regular = floorOf(annuityInstalment(financed, rate, count));
  const lines: AmortisedLine[] = [];
  let balance = financed;
  for (let n = 1; n < count; n++) {
    const interest = periodInterest(balance, rate);
    lines.push({ amount: regular, principal: regular - interest, interest });
    balance -= regular - interest;
  }
  const interest = periodInterest(balance, rate);
  lines.push({ amount: balance + interest, principal: balance, interest });
  return lines;
};

/** Instalments of a fixed amount until the balance is paid; the last one pays what is left. */
export const amortiseByAmount = (financed: bigint, rate: Rational, amount: bigint): Amortisation => {
  const lines: AmortisedLine[] = [];
  let balance = financed;
  while (lines.length < MAX_INSTALMENTS) {
    const interest = periodInterest(balance, rate);
    if (balance + interest <= amount) {
      lines.push({ amount: balance + interest, principal: balance, interest });
      return { lines };
    }
    if (amount <= interest)
      return {
        problem: { field: 'size.instalmentAmount', message: 'does not cover the interest of a period' },
      };
    lines.push({ amount, principal: amount - interest, interest });
    balance -= amount - interest;
  }
  return {
    problem: { field: 'size.instalmentAmount', message: `needs more than ${MAX_INSTALMENTS} instalments` },
  };
};
