import { IsoDate } from '../shared/calendar';
import { Applied, PlanAgreed } from './plan.events';

/**
 * A payment plan — the glossary:
 * - **Instalment** — an amount due on a date; number 0 is the down payment.
 * - **Matching** — a payment pays the oldest unpaid instalment first; what is left rolls forward.
 * - **Missed** — short after the grace days; its shortfall is carried or the plan defaults.
 * - **Renegotiated** — replaced by a new plan; the old one keeps its history and takes no more payments.
 */
export type PaymentPlan = NoPlan | AgreedPlan;

export type NoPlan = Readonly<{ status: 'none' }>;

export type PlanInstalment = Readonly<{
  number: number;
  dueOn: IsoDate;
  amount: bigint;
  paid: bigint;
  missed: boolean;
}>;

export type PlanPayment = Readonly<{
  amount: bigint;
  applied: readonly Applied[];
  unapplied: bigint;
  reversed: boolean;
}>;

export type PlanStatus = 'active' | 'completed' | 'defaulted' | 'renegotiated';

export type AgreedPlan = Readonly<{
  status: PlanStatus;
  agreement: PlanAgreed['data'];
  instalments: readonly PlanInstalment[];
  misses: number;
  payments: ReadonlyMap<string, PlanPayment>;
  /** Paid beyond the last instalment (kept, never lost; the ledger holds the money). */
  unapplied: bigint;
  renegotiatedTo: string | null;
}>;

export const initialState = (): PaymentPlan => ({ status: 'none' });

export const outstandingOf = (s: AgreedPlan): bigint =>
  s.instalments.reduce((sum, i) => sum + (i.amount - i.paid), 0n);

/** The renegotiation dates a replacing plan inherits: the chain's so far, plus this one. */
export const renegotiationChain = (replaced: AgreedPlan, on: IsoDate): IsoDate[] => [
  ...(replaced.agreement.replaces?.renegotiations ?? []),
  on,
];
