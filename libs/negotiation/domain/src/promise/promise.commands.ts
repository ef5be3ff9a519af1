import { Command } from '@cartera/decider';
import { Instant, IsoDate } from '../shared/calendar';
import { PromiseMade, TakenBy } from './promise.events';

/** The rule in effect for the creditor arrives with the command (the domain keeps no configuration). */
export type MakePromise = Command<
  'MakePromise',
  Omit<PromiseMade['data'], 'currency'> & { currency: string }
>;

/** A ledger PaymentPosted on the promise's account; `paymentId` makes a redelivery a no-op. */
export type RecordPayment = Command<
  'RecordPayment',
  { paymentId: string; amount: bigint; currency: string; paidOn: IsoDate }
>;

/** A ledger PaymentReversed on the account; a payment the promise never recorded decides nothing. */
export type RecordReversal = Command<'RecordReversal', { paymentId: string; reversedOn: IsoDate }>;

/** The daily check: decide a promise whose deadline (due date + tolerance) is before `asOf`. */
export type EvaluatePromise = Command<'EvaluatePromise', { asOf: IsoDate }>;

export type CancelPromise = Command<
  'CancelPromise',
  { reason: string; cancelledBy: TakenBy; cancelledAt: Instant }
>;

export type PromiseCommand = MakePromise | RecordPayment | RecordReversal | EvaluatePromise | CancelPromise;
