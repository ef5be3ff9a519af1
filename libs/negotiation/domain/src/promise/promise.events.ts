import { Event } from '@cartera/decider';
import { Currency } from '@cartera/money';
import { Instant, IsoDate } from '../shared/calendar';
import { PromiseRule } from './promise-rule';

/** How the promise was taken. */
export type PromiseChannel = 'phone' | 'email' | 'sms' | 'letter' | 'in_person' | 'portal';

/** Who took the promise: an agent, or the debtor by self-service. */
export type TakenBy = Readonly<{ kind: 'agent' | 'self_service'; id: string }>;

/** The debtor promised to pay `amount` on the account by `dueOn`, judged by the creditor's `rule`. */
export type PromiseMade = Event<
  'PromiseMade',
  {
    promiseId: string;
    accountId: string;
    debtorId: string;
    creditorId: string;
    amount: bigint;
    currency: Currency;
    dueOn: IsoDate;
    channel: PromiseChannel;
    takenBy: TakenBy;
    rule: PromiseRule;
    madeAt: Instant;
  }
>;

/** A payment the ledger posted on the promise's account; `paid` is what counts towards the promise now. */
export type PromisePaymentRecorded = Event<
  'PromisePaymentRecorded',
  { paymentId: string; amount: bigint; paidOn: IsoDate; paid: bigint }
>;

/** A recorded payment the ledger reversed: it no longer counts; `paid` is what still does. */
export type PromisePaymentReversed = Event<
  'PromisePaymentReversed',
  { paymentId: string; amount: bigint; reversedOn: IsoDate; paid: bigint }
>;

type Decision = { paid: bigint; ruleVersion: string; decidedOn: IsoDate };

export type PromiseKept = Event<'PromiseKept', Decision>;
export type PromisePartiallyKept = Event<'PromisePartiallyKept', Decision & { shortfall: bigint }>;
export type PromiseBroken = Event<'PromiseBroken', Decision & { shortfall: bigint }>;

/** A reversal took the paid amount below what the decision needed: the promise is open again. */
export type PromiseReopened = Event<
  'PromiseReopened',
  { reason: 'payment_reversed'; paymentId: string; paid: bigint; reopenedOn: IsoDate }
>;

export type PromiseCancelled = Event<
  'PromiseCancelled',
  { reason: string; cancelledBy: TakenBy; cancelledAt: Instant }
>;

export type PromiseEvent =
  | PromiseMade
  | PromisePaymentRecorded
  | PromisePaymentReversed
  | PromiseKept
  | PromisePartiallyKept
  | PromiseBroken
  | PromiseReopened
  | PromiseCancelled;
