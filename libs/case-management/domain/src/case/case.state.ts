import { Instant, IsoDate } from './case.time';

/**
 * The case as case management knows it — the business glossary:
 *
 * - **Case** — all the work on one debtor at one creditor; it links every account of that debtor
 *   placed by that creditor, and closes when every linked account is paid, settled, written off
 *   or recalled.
 * - **Status** — where the collection stands:
 *   `new` (just placed, nobody reached yet), `contacted` (the right party was reached),
 *   `negotiating` (terms are being discussed), `pending_payment` (money came in and the rest is
 *   awaited), `promise_active` (a promise to pay is running), `payment_plan` (a plan is running),
 *   `severe_delinquency` (days past due crossed the creditor's severe threshold), `legal` (escalated
 *   to legal review), `on_hold` (a hold stops every treatment), `closed`.
 * - **Hold** — stops every contact and treatment step until it is lifted or its end date passes;
 *   while any hold is active the case is `on_hold` and it returns to its previous status after the last one.
 * - **Dispute** — the debtor contests the debt; it places a dispute hold that only a verification lifts.
 * - **Cause** — why a change happened: the message (event id) or the user behind it.
 */
export type CaseStatus =
  | 'new'
  | 'contacted'
  | 'negotiating'
  | 'pending_payment'
  | 'promise_active'
  | 'payment_plan'
  | 'severe_delinquency'
  | 'legal'
  | 'on_hold'
  | 'closed';

/** The statuses a case is worked in: a hold returns to one of them. */
export type WorkStatus = Exclude<CaseStatus, 'on_hold' | 'closed'>;

export const CASE_STATUSES: readonly CaseStatus[] = [
  'new',
  'contacted',
  'negotiating',
  'pending_payment',
  'promise_active',
  'payment_plan',
  'severe_delinquency',
  'legal',
  'on_hold',
  'closed',
];

/** Why a change happened: the message that caused it, or the user (or job) who asked. */
export type Cause = Readonly<{ kind: 'event' | 'user' | 'system'; id: string }>;

/** Why every treatment stops: the reasons collectors and the law recognise. */
export const HOLD_REASONS = [
  'dispute',
  'hardship',
  'bankruptcy',
  'deceased',
  'cease_and_desist',
  'attorney_representation',
  'creditor_request',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export type AccountClosure = 'paid_in_full' | 'settled' | 'written_off' | 'recalled';

/** What the case remembers of a linked account: enough to know its balance, aging and closure. */
export type LinkedAccount = Readonly<{
  balance: bigint;
  bucket: string | null;
  dpd: number;
  closedAs: AccountClosure | null;
  /** Where the statute of limitations runs from: the last payment, else the charge-off. */
  limitationFrom: IsoDate | null;
  payments: ReadonlySet<string>;
  reversals: ReadonlySet<string>;
}>;

export type Hold = Readonly<{
  reason: HoldReason;
  /** Last day of the hold (inclusive) when it ends by itself. */
  endsOn: IsoDate | null;
  placedAt: Instant;
  accountIds: readonly string[];
}>;

export type Dispute = Readonly<{
  reason: string;
  documentRef: string;
  openedAt: Instant;
  holdId: string;
  verifiedAt: Instant | null;
}>;

export type TaskKind = 'call_back' | 'review_document' | 'approve_settlement';

export type Task = Readonly<{
  kind: TaskKind;
  dueAt: Instant;
  assignee: string | null;
  completedAt: Instant | null;
}>;

export type Assignment = Readonly<{ agentId: string | null; teamId: string | null }>;

export type NextAction = Readonly<{ action: string; dueOn: IsoDate }>;

export type OpenedCase = Readonly<{
  status: CaseStatus;
  caseId: string;
  debtorId: string;
  creditorId: string;
  currency: string;
  /** The status a hold returns to. */
  resumeStatus: WorkStatus;
  accounts: ReadonlyMap<string, LinkedAccount>;
  /** Active holds by id; lifted ones are only remembered by id, so a repeat lift decides nothing. */
  holds: ReadonlyMap<string, Hold>;
  liftedHolds: ReadonlySet<string>;
  disputes: ReadonlyMap<string, Dispute>;
  interactions: ReadonlySet<string>;
  /** Negotiation facts already applied (`<arrangementId>:<fact>:<dueOn>`). */
  arrangementFacts: ReadonlySet<string>;
  promiseDueOn: IsoDate | null;
  tasks: ReadonlyMap<string, Task>;
  alerts: ReadonlySet<string>;
  assignment: Assignment;
  tags: ReadonlySet<string>;
  nextAction: NextAction | null;
  jurisdiction: string | null;
  /** Set while open accounts are time-barred: legal steps are refused. */
  timeBar: Readonly<{ accountIds: readonly string[]; ruleVersion: string; barredOn: IsoDate }> | null;
}>;

export type Case = Readonly<{ status: 'unopened' }> | OpenedCase;

export const initialState = (): Case => ({ status: 'unopened' });
