/**
 * A collection strategy as a collections manager writes it (JSON/YAML), the business glossary:
 *
 * - **Strategy** — a versioned document: who gets which treatment, and when. A running case stays
 *   on the version it was assigned until its next re-segmentation.
 * - **Segment** — a named group of cases defined by a condition on case and account facts; the
 *   first segment whose condition holds wins (a segment without `when` takes every case).
 * - **Treatment path** — the ordered steps a case in the segment goes through.
 * - **Step** — one action (send a message, create an agent task, change status, escalate, wait for
 *   a condition) at an offset in days from the due date (negative = before it: a courtesy
 *   reminder) or from the previous step.
 * - **Experiment** — champion–challenger: variants with traffic shares summing to 100; a variant
 *   may replace a segment's path, otherwise its cases follow the segment's own path.
 */
export type StrategyDocument = Readonly<{
  strategyId: string;
  /** Positive integer; every decision records the version it used. */
  version: number;
  name: string;
  /** The local day (`YYYY-MM-DD`) from which the version may be assigned. */
  effectiveFrom: string;
  /** Local time of day (`HH:MM`, debtor's zone) at which a step falls due; `09:00` when absent. */
  sendTime?: string;
  experiment?: Experiment;
  segments: readonly Segment[];
}>;

export type Segment = Readonly<{
  id: string;
  name?: string;
  /** Absent: the segment takes every case that reaches it (a catch-all, usually last). */
  when?: Condition;
  path: TreatmentPath;
  /** A challenger's own path for this segment, by variant id. */
  variantPaths?: Readonly<Record<string, TreatmentPath>>;
}>;

export type Experiment = Readonly<{ id: string; variants: readonly Variant[] }>;

/** `share` is a whole percentage; the shares of an experiment sum to 100. */
export type Variant = Readonly<{ id: string; share: number }>;

export type TreatmentPath = Readonly<{ steps: readonly Step[] }>;

export type MessageChannel = 'sms' | 'email' | 'voice' | 'whatsapp' | 'letter';
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['sms', 'email', 'voice', 'whatsapp', 'letter'];

/** What an offset counts from: the case's due date, or the day the previous step was done. */
export type OffsetAnchor = 'due_date' | 'previous_step';

type StepTiming = Readonly<{ id: string; offsetDays: number; from: OffsetAnchor }>;

export type SendMessageStep = StepTiming &
  Readonly<{
    kind: 'send_message';
    channel: MessageChannel;
    templateId: string;
    fallbackChannel?: MessageChannel;
  }>;
export type CreateTaskStep = StepTiming & Readonly<{ kind: 'create_task'; queue: string; title: string }>;
export type ChangeStatusStep = StepTiming & Readonly<{ kind: 'change_status'; status: string }>;
export type EscalateStep = StepTiming & Readonly<{ kind: 'escalate'; to: EscalationTarget }>;
/** Holds the path until `condition` holds on the case's facts (checked from its offset on). */
export type WaitForStep = StepTiming & Readonly<{ kind: 'wait_for'; condition: Condition }>;

export type Step = SendMessageStep | CreateTaskStep | ChangeStatusStep | EscalateStep | WaitForStep;
export type StepKind = Step['kind'];
export const STEP_KINDS: readonly StepKind[] = [
  'send_message',
  'create_task',
  'change_status',
  'escalate',
  'wait_for',
];

export type EscalationTarget = 'legal_review' | 'agency_placement';
export const ESCALATION_TARGETS: readonly EscalationTarget[] = ['legal_review', 'agency_placement'];

/**
 * A condition on the case's facts. Comparisons name a fact (see FACTS); `all`, `any` and `not`
 * combine conditions. Money values are minor units as decimal strings (`"150000"`) with their
 * ISO 4217 `currency`: a balance in another currency never matches.
 */
export type Condition =
  | Comparison
  | Readonly<{ all: readonly Condition[] }>
  | Readonly<{ any: readonly Condition[] }>
  | Readonly<{ not: Condition }>;

type FactOf = Readonly<{ fact: FactName; currency?: string }>;
export type Comparison =
  | (FactOf & Readonly<{ op: 'eq' | 'gte' | 'lte'; value: FactValue }>)
  | (FactOf & Readonly<{ op: 'in'; values: readonly FactValue[] }>)
  | (FactOf & Readonly<{ op: 'between'; min: FactValue; max: FactValue }>);

export type FactValue = number | string;
export type ComparisonOp = 'eq' | 'gte' | 'lte' | 'in' | 'between';

/**
 * The facts a condition may test, and their kind: `integer` and `money` compare by order, `text`
 * by equality, `set` facts (several values at once) match `eq` when they contain the value and
 * `in` when they contain any of the values.
 */
export const FACTS = {
  dpd: 'integer',
  bucket: 'text',
  balanceMinor: 'money',
  product: 'text',
  creditorId: 'text',
  jurisdiction: 'text',
  score: 'integer',
  scoreBand: 'text',
  promisesKept: 'integer',
  promisesBroken: 'integer',
  onTimePayments: 'integer',
  respondsOn: 'set',
  tags: 'set',
} as const;

export type FactName = keyof typeof FACTS;
export type FactKind = (typeof FACTS)[FactName];

/** The operators each kind of fact accepts. */
export const OPS_BY_KIND: Readonly<Record<FactKind, readonly ComparisonOp[]>> = {
  integer: ['eq', 'gte', 'lte', 'in', 'between'],
  money: ['eq', 'gte', 'lte', 'in', 'between'],
  text: ['eq', 'in'],
  set: ['eq', 'in'],
};
