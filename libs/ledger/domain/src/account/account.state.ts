import { Currency } from '@cartera/money';
import { BucketId } from './aging';
import { Components } from './balance';
import { IsoDate } from './calendar';
import { AccountPlaced, ClosureReason, ReversalReason } from './account.events';
import { AccrualPosition, InterestTerms } from './interest-accrual';

/**
 * The account as the ledger knows it — the business glossary:
 *
 * - **Placement** — a creditor hands the account to the agency to collect (AccountPlaced).
 * - **Components** — the balance is principal + interest + fees, each tracked apart, because
 *   payments, waivers and reports treat them differently.
 * - **Balance** — the sum of the components: what the debtor owes.
 * - **Credit balance** — money received beyond the balance (an overpayment); it is never lost and
 *   never counts against the balance; it stays until reversed or refunded.
 * - **Waterfall** — the order in which a payment pays the components (default fees → interest →
 *   principal).
 * - **DPD** (days past due) — whole days since the first unpaid due date, counted in the debtor's
 *   time zone; 0 until that date has passed.
 * - **First unpaid due date** — the oldest installment still unpaid. Payments do not move it: the
 *   ledger has no installment schedule, so the creditor or an arrangement says when it moves
 *   (UpdateDueDate). A partial payment therefore leaves DPD growing, which is the conservative view.
 * - **Bucket** — a DPD range (1–30, 31–60, …) used to segment and report; schemes are per creditor.
 * - **Charge-off** — the creditor's accounting write-off before placement (a date on the placement),
 *   not to be confused with the agency's **write-off**, which closes the account as uncollectable.
 * - **Recall** — the creditor takes the account back: it closes and every later command except a
 *   payment reversal is refused with `account_recalled`.
 * - **Accrual** — daily simple interest on principal (actual/365) from the day after placement,
 *   assessed by a job; see interest-accrual.ts.
 */
export type Account = UnplacedAccount | ActiveAccount | ClosedAccount;

export type UnplacedAccount = Readonly<{ status: 'unplaced' }>;

/** What the ledger remembers of a posted payment, to reverse exactly its allocation. */
export type PaymentRecord = Readonly<{
  allocation: Components;
  toCredit: bigint;
  amount: bigint;
  reversed: boolean;
  /** Why it was reversed: the same reversal again is a retry (nothing happens), another one is refused. */
  reversedFor?: ReversalReason;
}>;

export type PlacedAccount = Readonly<{
  accountId: string;
  creditorId: string;
  currency: Currency;
  timeZone: string;
  /** The placement as recorded, to tell an identical re-import from a conflicting one. */
  placement: AccountPlaced['data'];
  balance: Components;
  credit: bigint;
  interestTerms: InterestTerms | null;
  accrual: AccrualPosition;
  firstUnpaidDueDate: IsoDate;
  /** Null until the first aging. */
  bucket: BucketId | null;
  lastAgedOn: IsoDate | null;
  payments: ReadonlyMap<string, PaymentRecord>;
  chargeIds: ReadonlySet<string>;
  adjustmentIds: ReadonlySet<string>;
}>;

export type ActiveAccount = PlacedAccount & Readonly<{ status: 'active' }>;

export type ClosedAccount = PlacedAccount &
  Readonly<{ status: 'closed'; reason: ClosureReason; closedOn: IsoDate }>;

export const initialState = (): Account => ({ status: 'unplaced' });
