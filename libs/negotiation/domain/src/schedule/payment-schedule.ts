import { NegotiationRuleViolated } from '../shared/errors';
import { rational } from '../shared/rational';
import { amortiseByAmount, amortiseByCount, AmortisedLine } from './amortise';
import { dueDates, periodsPerYear } from './frequency';
import { scheduleProblems } from './schedule-terms';
import { PaymentSchedule, ScheduledInstalment, ScheduleTerms, TermsProblem } from './schedule.types';

export const describeProblems = (problems: readonly TermsProblem[]): string =>
  problems.map((p) => `${p.field}: ${p.message}`).join('; ');

const reject = (problems: readonly TermsProblem[]): never => {
  throw new NegotiationRuleViolated('invalid_terms', describeProblems(problems));
};

const amortise = (terms: ScheduleTerms): AmortisedLine[] => {
  const financed = terms.principal - (terms.downPayment?.amount ?? 0n);
  const rate = rational(BigInt(terms.annualRateBps ?? 0), 10_000n * periodsPerYear(terms.frequency));
  if ('instalments' in terms.size) return amortiseByCount(financed, rate, terms.size.instalments);
  const byAmount = amortiseByAmount(financed, rate, terms.size.instalmentAmount);
  return 'problem' in byAmount ? reject([byAmount.problem]) : byAmount.lines;
};

/**
 * The payment schedule of a plan: the down payment, then instalments on the plan's frequency,
 * amortised on the declining balance and exact to the minor unit. Throws `invalid_terms`
 * naming the failing fields.
 */
export const paymentSchedule = (terms: ScheduleTerms): PaymentSchedule => {
  const problems = scheduleProblems(terms);
  if (problems.length > 0) reject(problems);
  const lines = amortise(terms);
  const down = terms.downPayment;
  const dates = dueDates(terms.firstDueOn, terms.frequency, lines.length);
  const instalments: ScheduledInstalment[] = [
    ...(down
      ? [
          {
            number: 0,
            kind: 'down_payment' as const,
            dueOn: down.dueOn,
            amount: down.amount,
            principal: down.amount,
            interest: 0n,
          },
        ]
      : []),
    ...lines.map((line, index) => ({
      number: index + 1,
      kind: 'instalment' as const,
      dueOn: dates[index],
      ...line,
    })),
  ];
  const interest = lines.reduce((sum, line) => sum + line.interest, 0n);
  return {
    currency: terms.currency,
    principal: terms.principal,
    interest,
    total: terms.principal + interest,
    regularAmount: lines[0].amount,
    remainder: lines[lines.length - 1].amount - lines[0].amount,
    instalments,
  };
};
