import { Event } from '@cartera/decider';
import { ReSegmentReason } from './strategy-run.commands';
import { Step, StepKind, TreatmentPath } from './strategy.document';
import { Instant, IsoDate } from './time';

/**
 * Where segmentation put the case, with everything that explains it: the strategy version, the
 * segment and the comparisons that matched, the variant and how it was chosen, the score and the
 * scorecard version. The path is copied so the case stays on its version until re-segmented.
 */
export type SegmentPlacement = Readonly<{
  strategyId: string;
  strategyVersion: number;
  segmentId: string;
  because: readonly string[];
  experimentId: string | null;
  variantId: string | null;
  variantHow: 'kept' | 'hashed' | null;
  score: number;
  scoreBand: string;
  scorecardVersion: string;
  sendTime: string;
  path: TreatmentPath;
}>;

export type StrategyAssigned = Event<
  'StrategyAssigned',
  SegmentPlacement & Readonly<{ caseId: string; assignedAt: Instant }>
>;

/** The case moved segment, variant or strategy version; its path starts over on the new one. */
export type CaseReSegmented = Event<
  'CaseReSegmented',
  SegmentPlacement &
    Readonly<{
      from: Readonly<{
        strategyId: string;
        strategyVersion: number;
        segmentId: string;
        variantId: string | null;
      }>;
      reason: ReSegmentReason;
      resegmentedAt: Instant;
    }>
>;

/** The occurrence of a step, unique per case: the key communications and tasks dedupe on. */
type StepOccurrence = Readonly<{
  stepId: string;
  stepIndex: number;
  occurrence: number;
  idempotencyKey: string;
}>;

/** Why a planned step falls due later than its offset says. */
export type HoldBack = 'on_hold' | 'promise_pending';

/** `paymentSeenAt` is the latest payment the plan knew of: any other one cancels the step. */
export type StepPlanned = Event<
  'StepPlanned',
  StepOccurrence &
    Readonly<{
      kind: StepKind;
      dueAt: Instant;
      heldBackBy: HoldBack | null;
      paymentSeenAt: Instant | null;
      plannedAt: Instant;
    }>
>;

/** A step counted from the due date whose day had already passed when the case reached it. */
export type StepSkipped = Event<
  'StepSkipped',
  Readonly<{ stepId: string; stepIndex: number; reason: 'window_passed'; dueOn: IsoDate; skippedAt: Instant }>
>;

/** The step was executed: `step` is what to do; version and step id travel with it. */
export type StepFired = Event<
  'StepFired',
  StepOccurrence &
    Readonly<{
      strategyId: string;
      strategyVersion: number;
      segmentId: string;
      variantId: string | null;
      step: Step;
      dueAt: Instant;
      firedAt: Instant;
    }>
>;

/**
 * The planned step will not be executed. After a payment the path moves on to the following step
 * (`resumesAtStep`); a hold, dispute or paid-off balance leaves it at this step, to be planned
 * again once collection may resume.
 */
export type CancelReason = 'payment_received' | 'disputed' | 'on_hold' | 'paid_off' | 'resegmented';
export type StepCancelled = Event<
  'StepCancelled',
  StepOccurrence & Readonly<{ reason: CancelReason; resumesAtStep: number; cancelledAt: Instant }>
>;

export type ReplanReason = HoldBack | 'waiting_for_condition';
export type StepReplanned = Event<
  'StepReplanned',
  StepOccurrence & Readonly<{ from: Instant; dueAt: Instant; reason: ReplanReason; replannedAt: Instant }>
>;

/** Every step of the path was done, skipped or cancelled. */
export type TreatmentPathCompleted = Event<
  'TreatmentPathCompleted',
  Readonly<{ strategyId: string; strategyVersion: number; segmentId: string; completedAt: Instant }>
>;

export type StrategyRunEvent =
  | StrategyAssigned
  | CaseReSegmented
  | StepPlanned
  | StepSkipped
  | StepFired
  | StepCancelled
  | StepReplanned
  | TreatmentPathCompleted;
