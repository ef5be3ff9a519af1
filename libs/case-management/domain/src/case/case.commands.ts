import { Command } from '@cartera/decider';
import { ArrangementFact, CallOutcome, Channel, InteractionKind } from './case.events';
import { AccountClosure, Cause, CaseStatus, HoldReason, TaskKind } from './case.state';
import { Instant, IsoDate } from './case.time';

/**
 * Every command says when (`at`, an instant from the caller's clock) and why (`cause`: the
 * message id or the user). Ids come from outside too: the case id is derived by the app from
 * debtor and creditor, so a redelivered placement lands on the same stream and decides nothing.
 */
type CaseCommandOf<Type extends string, Data> = Command<Type, Data & { at: Instant; cause: Cause }>;

/** An account was placed: opens the case (first account) or links the account to it. */
export type LinkAccountToCase = CaseCommandOf<
  'LinkAccountToCase',
  {
    caseId: string;
    debtorId: string;
    creditorId: string;
    accountId: string;
    currency: string;
    balance: bigint;
    chargedOffOn: IsoDate | null;
    lastPaymentOn: IsoDate | null;
    /** Where the debtor lives (`US-NY`, `CO`): which statute of limitations applies. */
    jurisdiction: string | null;
  }
>;

/** `applied`: what the payment took off the balance (its allocation; any credit part is not owed). */
export type RecordPayment = CaseCommandOf<
  'RecordPayment',
  { accountId: string; paymentId: string; applied: bigint; paidOn: IsoDate }
>;

export type RecordPaymentReversal = CaseCommandOf<
  'RecordPaymentReversal',
  { accountId: string; paymentId: string; restored: bigint; reversedOn: IsoDate }
>;

/** The severe-delinquency threshold is the creditor's policy: versioned data the decision records. */
export type SeverityPolicy = Readonly<{ version: string; severeFromDpd: number }>;

export type RecordAging = CaseCommandOf<
  'RecordAging',
  { accountId: string; bucket: string; dpd: number; asOf: IsoDate; policy: SeverityPolicy }
>;

export type RecordAccountClosure = CaseCommandOf<
  'RecordAccountClosure',
  { accountId: string; reason: AccountClosure }
>;

export type RecordArrangement = CaseCommandOf<
  'RecordArrangement',
  { arrangementId: string; fact: ArrangementFact; dueOn: IsoDate | null }
>;

/** An agent or supervisor moves the case explicitly; the status machine decides whether it may. */
export type ChangeStatus = CaseCommandOf<'ChangeStatus', { to: CaseStatus }>;

export type PlaceHold = CaseCommandOf<
  'PlaceHold',
  { holdId: string; reason: HoldReason; endsOn: IsoDate | null }
>;

export type LiftHold = CaseCommandOf<'LiftHold', { holdId: string }>;

/** Lifts the holds whose end date passed before `asOf` (a date in the debtor's zone). */
export type ExpireHolds = CaseCommandOf<'ExpireHolds', { asOf: IsoDate }>;

export type OpenDispute = CaseCommandOf<
  'OpenDispute',
  { disputeId: string; reason: string; documentRef: string }
>;

export type VerifyDispute = CaseCommandOf<'VerifyDispute', { disputeId: string; verificationRef: string }>;

/** `outcome` for calls only; `promisedOn` with a `promise`. */
export type RecordInteraction = CaseCommandOf<
  'RecordInteraction',
  {
    interactionId: string;
    kind: InteractionKind;
    outcome: CallOutcome | null;
    channel: Channel;
    agentId: string;
    occurredAt: Instant;
    note: string | null;
    promisedOn: IsoDate | null;
  }
>;

export type CreateTask = CaseCommandOf<
  'CreateTask',
  { taskId: string; kind: TaskKind; dueAt: Instant; assignee: string | null }
>;

export type CompleteTask = CaseCommandOf<'CompleteTask', { taskId: string }>;

/**
 * The check command behind due-date alerts: tasks due before `at` and a next action due on or
 * before `today` (the date of `at` in the zone the app works the debtor in).
 */
export type CheckDueDates = CaseCommandOf<'CheckDueDates', { today: IsoDate }>;

export type AssignCase = CaseCommandOf<'AssignCase', { agentId: string | null; teamId: string | null }>;

export type TagCase = CaseCommandOf<'TagCase', { add: readonly string[]; remove: readonly string[] }>;

export type SetNextAction = CaseCommandOf<'SetNextAction', { action: string; dueOn: IsoDate }>;

/** A statute of limitations: effective-dated, per jurisdiction; counted from the last payment or charge-off. */
export type LimitationRule = Readonly<{
  jurisdiction: string;
  version: string;
  effectiveFrom: IsoDate;
  years: number;
}>;

/** The time-barred check: `rules` is the whole effective-dated table, the decision names the version it used. */
export type EvaluateLimitation = CaseCommandOf<
  'EvaluateLimitation',
  { today: IsoDate; rules: readonly LimitationRule[] }
>;

/** A bankruptcy or deceased flag (from placement data or a scrub file) holds the case automatically. */
export type RecordScrubHit = CaseCommandOf<
  'RecordScrubHit',
  { flag: 'bankruptcy' | 'deceased'; source: 'placement' | 'scrub_file'; reference: string }
>;

export type CaseCommand =
  | LinkAccountToCase
  | RecordPayment
  | RecordPaymentReversal
  | RecordAging
  | RecordAccountClosure
  | RecordArrangement
  | ChangeStatus
  | PlaceHold
  | LiftHold
  | ExpireHolds
  | OpenDispute
  | VerifyDispute
  | RecordInteraction
  | CreateTask
  | CompleteTask
  | CheckDueDates
  | AssignCase
  | TagCase
  | SetNextAction
  | EvaluateLimitation
  | RecordScrubHit;
