import { CaseFacts } from './case-facts';
import { Instant, IsoDate } from './time';

/**
 * The case's latest state, read by the service right before a scheduling decision, so the decision
 * itself re-checks it (a step never fires on a stale picture of the case).
 * - `dueDate` — the first unpaid due date (what `due_date` offsets count from), debtor's zone.
 * - `lastPaymentRecordedAt` — when the latest payment was recorded, whatever its value date.
 * - `hold` — an active hold on collection; `until: null` is open-ended.
 * - `promise` — a pending promise to pay, due on `dueOn`: no pressure before the day after.
 * - `disputed` — an open dispute: no collection activity while it lasts.
 */
export type CaseSituation = Readonly<{
  facts: CaseFacts;
  dueDate: IsoDate;
  timeZone: string;
  lastPaymentRecordedAt: Instant | null;
  hold: Readonly<{ until: Instant | null }> | null;
  promise: Readonly<{ dueOn: IsoDate }> | null;
  disputed: boolean;
}>;
