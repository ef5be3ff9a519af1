import { parseCurrency } from '@cartera/money';
import type { Frequency, PaymentSchedule, ScheduleTerms } from '@cartera/negotiation-domain';
import type { ScheduleTermsDto } from './schedule.dto';

const frequencyOf = (d: ScheduleTermsDto): Frequency =>
  d.frequency === 'monthly'
    ? { kind: 'monthly', dayOfMonth: d.dayOfMonth ?? Number(d.firstDueOn.slice(8, 10)) }
    : { kind: d.frequency };

/** Request → domain terms (the DTO has checked the shapes; the domain checks the rules). */
export const termsFrom = (d: ScheduleTermsDto): ScheduleTerms => ({
  principal: BigInt(d.principalMinor),
  currency: parseCurrency(d.currency),
  firstDueOn: d.firstDueOn,
  frequency: frequencyOf(d),
  size:
    d.instalmentAmountMinor !== undefined
      ? { instalmentAmount: BigInt(d.instalmentAmountMinor) }
      : { instalments: d.instalments ?? 0 },
  ...(d.downPaymentMinor !== undefined
    ? { downPayment: { amount: BigInt(d.downPaymentMinor), dueOn: d.downPaymentDueOn ?? d.firstDueOn } }
    : {}),
  ...(d.annualRateBps !== undefined ? { annualRateBps: d.annualRateBps } : {}),
});

/** The schedule as JSON: money as strings of minor units. */
export const scheduleView = (s: PaymentSchedule) => ({
  currency: s.currency,
  principalMinor: s.principal.toString(),
  interestMinor: s.interest.toString(),
  totalMinor: s.total.toString(),
  regularAmountMinor: s.regularAmount.toString(),
  remainderMinor: s.remainder.toString(),
  instalments: s.instalments.map((i) => ({
    number: i.number,
    kind: i.kind,
    dueOn: i.dueOn,
    amountMinor: i.amount.toString(),
    principalMinor: i.principal.toString(),
    interestMinor: i.interest.toString(),
  })),
});
