import { Event } from '@cartera/decider';
import { AccountClosure, Cause, CaseStatus, HoldReason, TaskKind } from './case.state';
import { Instant, IsoDate } from './case.time';

/** The first account of a debtor at a creditor was placed: the case exists, status `new`. */
export type CaseOpened = Event<
  'CaseOpened',
  { caseId: string; debtorId: string; creditorId: string; currency: string; openedAt: Instant; cause: Cause }
>;

/** An account of the case's debtor at its creditor joined the case, with its balance at placement (minor units). */
export type AccountLinkedToCase = Event<
  'AccountLinkedToCase',
  {
    accountId: string;
    balance: bigint;
    chargedOffOn: IsoDate | null;
    lastPaymentOn: IsoDate | null;
    jurisdiction: string | null;
    linkedAt: Instant;
    cause: Cause;
  }
>;

/** A payment the ledger posted on a linked account; `applied` is what it took off the balance. */
export type AccountPaymentRecorded = Event<
  'AccountPaymentRecorded',
  { accountId: string; paymentId: string; applied: bigint; paidOn: IsoDate; cause: Cause }
>;

export type AccountPaymentReversed = Event<
  'AccountPaymentReversed',
  { accountId: string; paymentId: string; restored: bigint; reversedOn: IsoDate; cause: Cause }
>;

export type AccountAged = Event<
  'AccountAged',
  { accountId: string; bucket: string; dpd: number; asOf: IsoDate; cause: Cause }
>;

export type LinkedAccountClosed = Event<
  'LinkedAccountClosed',
  { accountId: string; reason: AccountClosure; closedAt: Instant; cause: Cause }
>;

/**
 * Every move of the status machine, with what caused it; `rule` names the versioned policy
 * that decided a fact-driven move (the severe-delinquency threshold), when one did.
 */
export type CaseStatusChanged = Event<
  'CaseStatusChanged',
  { from: CaseStatus; to: CaseStatus; changedAt: Instant; cause: Cause; rule?: string }
>;

/** Every linked account is closed: the case is closed. */
export type CaseClosed = Event<
  'CaseClosed',
  { closures: Readonly<Record<string, AccountClosure>>; closedAt: Instant; cause: Cause }
>;

export type HoldPlaced = Event<
  'HoldPlaced',
  {
    holdId: string;
    reason: HoldReason;
    endsOn: IsoDate | null;
    accountIds: readonly string[];
    placedAt: Instant;
    cause: Cause;
  }
>;

export type HoldLifted = Event<
  'HoldLifted',
  {
    holdId: string;
    /** `lifted` by a user, `expired` at its end date, `dispute_verified` by answering the dispute. */
    why: 'lifted' | 'expired' | 'dispute_verified';
    liftedAt: Instant;
    cause: Cause;
  }
>;

export type DisputeOpened = Event<
  'DisputeOpened',
  { disputeId: string; reason: string; documentRef: string; openedAt: Instant; cause: Cause }
>;

/** The dispute was answered with a verification of the debt: collection may resume. */
export type DisputeVerified = Event<
  'DisputeVerified',
  { disputeId: string; verificationRef: string; verifiedAt: Instant; cause: Cause }
>;

export type InteractionKind = 'call' | 'note' | 'inbound_message';
export type CallOutcome =
  'right_party_contact' | 'no_answer' | 'wrong_party' | 'left_message' | 'promise' | 'refusal' | 'dispute';
export type Channel = 'phone' | 'sms' | 'email' | 'whatsapp' | 'letter' | 'portal' | 'in_person';

/** Append-only record of a contact with (or about) the debtor. The note is personal data. */
export type InteractionRecorded = Event<
  'InteractionRecorded',
  {
    interactionId: string;
    kind: InteractionKind;
    outcome: CallOutcome | null;
    channel: Channel;
    agentId: string;
    occurredAt: Instant;
    note: string | null;
    promisedOn: IsoDate | null;
    cause: Cause;
  }
>;

export type ArrangementFact =
  | 'promise_made'
  | 'promise_kept'
  | 'promise_broken'
  | 'plan_agreed'
  | 'plan_instalment_missed'
  | 'plan_defaulted'
  | 'plan_completed';

/** A fact from negotiation about a promise or plan on this case. */
export type ArrangementNoted = Event<
  'ArrangementNoted',
  { arrangementId: string; fact: ArrangementFact; dueOn: IsoDate | null; notedAt: Instant; cause: Cause }
>;

export type TaskCreated = Event<
  'TaskCreated',
  {
    taskId: string;
    kind: TaskKind;
    dueAt: Instant;
    assignee: string | null;
    createdAt: Instant;
    cause: Cause;
  }
>;

export type TaskCompleted = Event<'TaskCompleted', { taskId: string; completedAt: Instant; cause: Cause }>;

export type AlertKind =
  | 'task_overdue'
  | 'promise_broken'
  | 'instalment_missed'
  | 'next_action_due'
  | 'payment_reversed'
  | 'wrong_party';

/** Something needs an agent's attention; shown on the worklist and published. */
export type AlertRaised = Event<
  'AlertRaised',
  { alertId: string; kind: AlertKind; subject: string; raisedAt: Instant; cause: Cause }
>;

export type CaseAssigned = Event<
  'CaseAssigned',
  { agentId: string | null; teamId: string | null; assignedAt: Instant; cause: Cause }
>;

export type CaseTagged = Event<
  'CaseTagged',
  { added: readonly string[]; removed: readonly string[]; taggedAt: Instant; cause: Cause }
>;

export type NextActionSet = Event<
  'NextActionSet',
  { action: string; dueOn: IsoDate; setAt: Instant; cause: Cause }
>;

/** Accounts of the case are past their statute of limitations: no legal step may be taken on the case. */
export type CaseTimeBarred = Event<
  'CaseTimeBarred',
  {
    accountIds: readonly string[];
    jurisdiction: string;
    ruleVersion: string;
    barredOn: IsoDate;
    cause: Cause;
  }
>;

/** No open account is time-barred any more (a payment restarted the clock, or the barred ones closed). */
export type TimeBarCleared = Event<'TimeBarCleared', { clearedOn: IsoDate; cause: Cause }>;

export type CaseEvent =
  | CaseOpened
  | AccountLinkedToCase
  | AccountPaymentRecorded
  | AccountPaymentReversed
  | AccountAged
  | LinkedAccountClosed
  | CaseStatusChanged
  | CaseClosed
  | HoldPlaced
  | HoldLifted
  | DisputeOpened
  | DisputeVerified
  | InteractionRecorded
  | ArrangementNoted
  | TaskCreated
  | TaskCompleted
  | AlertRaised
  | CaseAssigned
  | CaseTagged
  | NextActionSet
  | CaseTimeBarred
  | TimeBarCleared;
