import { Event } from '@cartera/decider';
import { Currency } from '@cartera/money';
import { BucketId } from './aging';
import { Waterfall } from './allocate-payment';
import { Components } from './balance';
import { Instant, IsoDate } from './calendar';
import { InterestTerms } from './interest-accrual';

/** Who owes, as the creditor knows them: identity and contact for case management (personal data). */
export type Debtor = Readonly<{
  /** The creditor's own reference for the debtor; several accounts may share it. */
  reference: string;
  identity: Readonly<{
    fullName: string;
    givenName?: string;
    familyName?: string;
    dateOfBirth?: IsoDate;
    nationalId?: string;
  }>;
  contact: Readonly<{ emails: readonly string[]; phones: readonly string[]; address?: PostalAddress }>;
}>;

export type PostalAddress = Readonly<{
  lines: readonly string[];
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
}>;

/** An account arrived from a creditor. Dates are the creditor's; `placedOn` is in the debtor's zone. */
export type AccountPlaced = Event<
  'AccountPlaced',
  {
    accountId: string;
    creditorId: string;
    creditorAccountRef: string;
    debtor: Debtor;
    currency: Currency;
    balance: Components;
    originatedOn: IsoDate;
    firstUnpaidDueDate: IsoDate;
    chargedOffOn: IsoDate | null;
    lastPaymentOn: IsoDate | null;
    product: string;
    interestTerms: InterestTerms | null;
    timeZone: string;
    placedAt: Instant;
    placedOn: IsoDate;
  }
>;

/** Why a charge was assessed: interest (accrued or from the creditor), a late fee, any other fee. */
export type ChargeKind = 'interest' | 'late_fee' | 'other_fee';

/** For accrued interest: the days covered and the exact sub-unit remainder carried forward. */
export type InterestAccrualDetail = Readonly<{
  from: IsoDate;
  through: IsoDate;
  annualRateBps: number;
  carry: bigint;
}>;

/** A charge added to the balance: interest goes to `interest`, fees to `fees`. */
export type ChargeAssessed = Event<
  'ChargeAssessed',
  {
    chargeId: string;
    kind: ChargeKind;
    amount: bigint;
    currency: Currency;
    assessedOn: IsoDate;
    accrual: InterestAccrualDetail | null;
    description: string | null;
  }
>;

export type PaymentChannel = 'card' | 'bank_transfer' | 'cash' | 'check' | 'direct_debit' | 'portal';

/** Money received, split by the waterfall; `allocation` + `toCredit` = `amount`. */
export type PaymentPosted = Event<
  'PaymentPosted',
  {
    paymentId: string;
    amount: bigint;
    currency: Currency;
    paidAt: Instant;
    paidOn: IsoDate;
    channel: PaymentChannel;
    waterfall: Waterfall;
    allocation: Components;
    toCredit: bigint;
  }
>;

export type ReversalReason = 'insufficient_funds' | 'chargeback' | 'other';

/** A posted payment undone: exactly its allocation goes back onto the balance, its credit part off the credit balance. */
export type PaymentReversed = Event<
  'PaymentReversed',
  {
    paymentId: string;
    reason: ReversalReason;
    amount: bigint;
    currency: Currency;
    allocation: Components;
    fromCredit: bigint;
    reversedAt: Instant;
    reversedOn: IsoDate;
  }
>;

export type AdjustmentReason = 'waiver' | 'correction' | 'settlement_discount' | 'other';

/** A signed change per component (negative reduces what is owed). */
export type AdjustmentApplied = Event<
  'AdjustmentApplied',
  {
    adjustmentId: string;
    delta: Components;
    currency: Currency;
    reason: AdjustmentReason;
    note: string | null;
    appliedAt: Instant;
    appliedOn: IsoDate;
  }
>;

/** The first unpaid due date moved (a correction, or payments cured the oldest installments). */
export type DueDateUpdated = Event<
  'DueDateUpdated',
  { from: IsoDate; to: IsoDate; reason: DueDateChangeReason; updatedAt: Instant }
>;
export type DueDateChangeReason = 'correction' | 'cured' | 'other';

/** The account moved to another delinquency bucket on `asOf` (the first aging has `from: null`). */
export type DelinquencyBucketChanged = Event<
  'DelinquencyBucketChanged',
  { from: BucketId | null; to: BucketId; dpd: number; asOf: IsoDate }
>;

/** The balance was written off as uncollectable; `amount` is the balance at that moment (still owed, no longer worked). */
export type AccountWrittenOff = Event<
  'AccountWrittenOff',
  {
    amount: Components;
    currency: Currency;
    reason: string | null;
    writtenOffAt: Instant;
    writtenOffOn: IsoDate;
  }
>;

/** The creditor took the account back; `balance` is what it hands back. */
export type AccountRecalled = Event<
  'AccountRecalled',
  { balance: Components; currency: Currency; reason: string | null; recalledAt: Instant; recalledOn: IsoDate }
>;

export type ClosureReason = 'paid_in_full' | 'settled' | 'recalled' | 'written_off';

/** No more work or money on the account; `balance` is what remained (zero when paid in full). */
export type AccountClosed = Event<
  'AccountClosed',
  { reason: ClosureReason; balance: Components; closedAt: Instant; closedOn: IsoDate }
>;

/** A reversal put back a balance on an account closed as paid in full: it is worked again. */
export type AccountReopened = Event<
  'AccountReopened',
  { reason: 'payment_reversed'; paymentId: string; reopenedAt: Instant; reopenedOn: IsoDate }
>;

export type AccountEvent =
  | AccountPlaced
  | ChargeAssessed
  | PaymentPosted
  | PaymentReversed
  | AdjustmentApplied
  | DueDateUpdated
  | DelinquencyBucketChanged
  | AccountWrittenOff
  | AccountRecalled
  | AccountClosed
  | AccountReopened;
