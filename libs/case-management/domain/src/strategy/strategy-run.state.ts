import { HoldBack, SegmentPlacement } from './strategy-run.events';
import { Instant } from './time';

/**
 * A case's run through its strategy — the business glossary:
 * - **Run** — the case's current placement (strategy version, segment, variant) and where it is
 *   on the placement's treatment path.
 * - **Planned step** — the next step with the instant it falls due; at most one at a time.
 * - **Occurrence** — the n-th time a step of a strategy is planned for the case (a path that
 *   starts over plans its steps again); case × step × occurrence is the idempotency key.
 * - **Segment history** — every placement the case had, oldest first.
 */
export type StrategyRun = NotAssigned | Running | Completed;

export type NotAssigned = Readonly<{ status: 'not_assigned' }>;

export type PlannedStep = Readonly<{
  stepIndex: number;
  occurrence: number;
  idempotencyKey: string;
  dueAt: Instant;
  plannedAt: Instant;
  heldBackBy: HoldBack | null;
  paymentSeenAt: Instant | null;
}>;

export type SegmentRecord = Readonly<{
  strategyId: string;
  strategyVersion: number;
  segmentId: string;
  variantId: string | null;
  at: Instant;
}>;

export type OnStrategy = Readonly<{
  caseId: string;
  placement: SegmentPlacement;
  nextStepIndex: number;
  planned: PlannedStep | null;
  /** When the last step was done, or the path started: what `previous_step` offsets count from. */
  lastDoneAt: Instant;
  /** Occurrences so far, by `strategyId/stepId`. */
  occurrences: ReadonlyMap<string, number>;
  history: readonly SegmentRecord[];
}>;

export type Running = OnStrategy & Readonly<{ status: 'running' }>;
export type Completed = OnStrategy & Readonly<{ status: 'completed' }>;

export const initialState = (): StrategyRun => ({ status: 'not_assigned' });
