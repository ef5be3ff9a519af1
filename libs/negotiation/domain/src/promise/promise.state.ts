import { IsoDate } from '../shared/calendar';
import { PromiseMade } from './promise.events';

/**
 * A promise to pay — the glossary:
 * - **Deadline** — the due date plus the rule's tolerance days; payments on or before it count.
 * - **Kept** — enough was paid within the deadline (decided as soon as it is reached).
 * - **Partially kept** / **broken** — decided at the deadline from what was paid by then.
 * - **Reopened** — a reversal took a kept or partially kept promise below its decision.
 */
export type PromiseToPay = NoPromise | MadePromise;

export type NoPromise = Readonly<{ status: 'none' }>;

export type RecordedPayment = Readonly<{ amount: bigint; paidOn: IsoDate; reversed: boolean }>;

export type PromiseStatus = 'open' | 'kept' | 'partially_kept' | 'broken' | 'cancelled';

export type MadePromise = Readonly<{
  status: PromiseStatus;
  terms: PromiseMade['data'];
  deadline: IsoDate;
  /** The day of the decision in force; null while open or cancelled. */
  decidedOn: IsoDate | null;
  payments: ReadonlyMap<string, RecordedPayment>;
}>;

export const initialState = (): PromiseToPay => ({ status: 'none' });

/** What counts towards the promise: payments not reversed, paid on or before the deadline. */
export const paidWithin = (s: MadePromise): bigint => {
  let paid = 0n;
  for (const p of s.payments.values()) if (!p.reversed && p.paidOn <= s.deadline) paid += p.amount;
  return paid;
};
