import { Currency } from '@cartera/money';
import { IsoDate } from '../shared/calendar';
import { Frequency } from './frequency';

/** A plan is sized by how many instalments, or by how much each instalment pays. */
export type PlanSize = Readonly<{ instalments: number }> | Readonly<{ instalmentAmount: bigint }>;

/**
 * What a payment plan is asked to schedule. `principal` is the whole balance under the plan in
 * minor units; the down payment (if any) comes off it first, and interest — an annual rate in
 * basis points, 0 for none — runs only on what remains (the financed amount).
 */
export type ScheduleTerms = Readonly<{
  principal: bigint;
  currency: Currency;
  downPayment?: Readonly<{ amount: bigint; dueOn: IsoDate }>;
  firstDueOn: IsoDate;
  frequency: Frequency;
  size: PlanSize;
  annualRateBps?: number;
}>;

/** One line of the schedule: `amount` = `principal` + `interest`; number 0 is the down payment. */
export type ScheduledInstalment = Readonly<{
  number: number;
  kind: 'down_payment' | 'instalment';
  dueOn: IsoDate;
  amount: bigint;
  principal: bigint;
  interest: bigint;
}>;

/**
 * The schedule: `total` = `principal` + `interest` = the sum of every line, to the minor unit.
 * Regular instalments are all equal; `remainder` is how much the last one differs from them.
 */
export type PaymentSchedule = Readonly<{
  currency: Currency;
  principal: bigint;
  interest: bigint;
  total: bigint;
  regularAmount: bigint;
  remainder: bigint;
  instalments: readonly ScheduledInstalment[];
}>;

/** A failing field of the terms, named as in the request. */
export type TermsProblem = Readonly<{ field: string; message: string }>;
