import { isIsoDate } from '../shared/calendar';
import { MAX_INSTALMENTS } from './amortise';
import { ScheduleTerms, TermsProblem } from './schedule.types';

/** Above this an annual rate is a typo, not a plan (1000 %). */
export const MAX_ANNUAL_RATE_BPS = 100_000;

const isWhole = (n: unknown, min: number, max: number): boolean =>
  typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

const financedOf = (terms: ScheduleTerms): bigint => terms.principal - (terms.downPayment?.amount ?? 0n);

const downPaymentProblems = (terms: ScheduleTerms): TermsProblem[] => {
  const down = terms.downPayment;
  if (!down) return [];
  const problems: TermsProblem[] = [];
  if (down.amount <= 0n || down.amount >= terms.principal)
    problems.push({ field: 'downPayment.amount', message: 'must be positive and less than the principal' });
  if (!isIsoDate(down.dueOn)) problems.push({ field: 'downPayment.dueOn', message: 'must be a date' });
  else if (isIsoDate(terms.firstDueOn) && down.dueOn > terms.firstDueOn)
    problems.push({ field: 'downPayment.dueOn', message: 'must not be after the first instalment' });
  return problems;
};

const sizeProblems = (terms: ScheduleTerms): TermsProblem[] => {
  if ('instalments' in terms.size) {
    if (!isWhole(terms.size.instalments, 1, MAX_INSTALMENTS))
      return [{ field: 'size.instalments', message: `must be a whole number from 1 to ${MAX_INSTALMENTS}` }];
    if (financedOf(terms) < BigInt(terms.size.instalments))
      return [{ field: 'size.instalments', message: 'each instalment must be at least one minor unit' }];
    return [];
  }
  return terms.size.instalmentAmount > 0n
    ? []
    : [{ field: 'size.instalmentAmount', message: 'must be positive' }];
};

/** Every failing field of the terms; an empty list means they can be scheduled. */
export const scheduleProblems = (terms: ScheduleTerms): TermsProblem[] => {
  if (terms.principal <= 0n) return [{ field: 'principal', message: 'must be positive' }];
  const problems = [...downPaymentProblems(terms)];
  if (!isIsoDate(terms.firstDueOn)) problems.push({ field: 'firstDueOn', message: 'must be a date' });
  if (terms.frequency.kind === 'monthly' && !isWhole(terms.frequency.dayOfMonth, 1, 31))
    problems.push({ field: 'frequency.dayOfMonth', message: 'must be a whole number from 1 to 31' });
  if (terms.annualRateBps !== undefined && !isWhole(terms.annualRateBps, 0, MAX_ANNUAL_RATE_BPS))
    problems.push({
      field: 'annualRateBps',
      message: `must be a whole number from 0 to ${MAX_ANNUAL_RATE_BPS}`,
    });
  return problems.length > 0 ? problems : sizeProblems(terms);
};
