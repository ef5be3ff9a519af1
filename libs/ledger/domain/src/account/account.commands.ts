import { Command } from '@cartera/decider';
import { BucketScheme } from './aging';
import { Waterfall } from './allocate-payment';
import { Components } from './balance';
import { Instant, IsoDate } from './calendar';
import {
  AccountPlaced,
  AdjustmentReason,
  ChargeKind,
  DueDateChangeReason,
  PaymentChannel,
  ReversalReason,
} from './account.events';

/**
 * Commands carry everything the decision needs from outside: ids (the account id is derived by
 * the app from creditor and reference, so a re-import lands on the same stream), instants
 * (`…At`, with offset), dates already in the debtor's zone, and creditor configuration
 * (waterfall, bucket scheme). Local dates of instants are computed with the account's zone.
 */
export type PlaceAccount = Command<'PlaceAccount', Omit<AccountPlaced['data'], 'placedOn'>>;

/** `currency` is a plain string: a mismatch is a rule (`currency_mismatch`), not a type error. */
export type PostPayment = Command<
  'PostPayment',
  {
    /** The processor's payment id: a retry with the same id decides nothing. */
    paymentId: string;
    amount: bigint;
    currency: string;
    paidAt: Instant;
    channel: PaymentChannel;
    /** The creditor's waterfall; fees → interest → principal when absent. */
    waterfall?: Waterfall;
    /** The creditor's tolerance: the most a payment may exceed what is owed (to credit); absent = no limit. */
    overpaymentTolerance?: bigint;
  }
>;

export type ReversePayment = Command<
  'ReversePayment',
  { paymentId: string; reason: ReversalReason; reversedAt: Instant }
>;

/** A late fee, other fee or creditor-supplied interest. `chargeId` makes a retry a no-op. */
export type AssessCharge = Command<
  'AssessCharge',
  {
    chargeId: string;
    kind: ChargeKind;
    amount: bigint;
    currency: string;
    assessedAt: Instant;
    description?: string;
  }
>;

/**
 * Assess the interest accrued up to and including `through` (a date in the debtor's zone), for
 * every day since the last accrual. Run it for complete days (through yesterday): a second run
 * for the same day, or a run for an earlier day, decides nothing; a late run catches up.
 */
export type AccrueInterest = Command<'AccrueInterest', { through: IsoDate }>;

/** Signed amounts per component; components left out are unchanged. `adjustmentId` makes a retry a no-op. */
export type ApplyAdjustment = Command<
  'ApplyAdjustment',
  {
    adjustmentId: string;
    delta: Partial<Components>;
    currency: string;
    reason: AdjustmentReason;
    note?: string;
    appliedAt: Instant;
  }
>;

/** Move the first unpaid due date (payments never move it by themselves). */
export type UpdateDueDate = Command<
  'UpdateDueDate',
  { firstUnpaidDueDate: IsoDate; reason: DueDateChangeReason; updatedAt: Instant }
>;

/** Age the account on `asOf`, a date already computed in the debtor's zone (see `localDateIn`). */
export type AgeAccount = Command<'AgeAccount', { asOf: IsoDate; buckets?: BucketScheme }>;

export type WriteOff = Command<'WriteOff', { writtenOffAt: Instant; reason?: string }>;

export type Recall = Command<'Recall', { recalledAt: Instant; reason?: string }>;

/** Close an account whose settlement was honoured (paid in full, written off and recalled close by themselves). */
export type CloseAccount = Command<'CloseAccount', { reason: 'settled'; closedAt: Instant }>;

export type AccountCommand =
  | PlaceAccount
  | PostPayment
  | ReversePayment
  | AssessCharge
  | AccrueInterest
  | ApplyAdjustment
  | UpdateDueDate
  | AgeAccount
  | WriteOff
  | Recall
  | CloseAccount;
