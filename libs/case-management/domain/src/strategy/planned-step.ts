import { occurrenceKey } from './strategy-run.evolve';
import { CancelReason, ReplanReason, StepCancelled, StepReplanned } from './strategy-run.events';
import { OnStrategy, PlannedStep } from './strategy-run.state';
import { Step } from './strategy.document';
import { Instant } from './time';

export type OnStrategyRun = OnStrategy & Readonly<{ status: 'running' | 'completed' }>;

/** The occurrence the next planning of a step will be. */
export const nextOccurrence = (s: OnStrategy, stepId: string): number =>
  (s.occurrences.get(occurrenceKey(s, stepId)) ?? 0) + 1;

/** Case × step × occurrence: what a sender dedupes on, so a retry or a catch-up never sends twice. */
export const idempotencyKeyFor = (s: OnStrategy, stepId: string, occurrence: number): string =>
  `${s.caseId}/${s.placement.strategyId}/${stepId}#${occurrence}`;

export const plannedStepOf = (s: OnStrategy, planned: PlannedStep): Step =>
  s.placement.path.steps[planned.stepIndex];

const occurrenceOf = (s: OnStrategy, planned: PlannedStep) => ({
  stepId: plannedStepOf(s, planned).id,
  stepIndex: planned.stepIndex,
  occurrence: planned.occurrence,
  idempotencyKey: planned.idempotencyKey,
});

export const cancelled = (
  s: OnStrategy,
  planned: PlannedStep,
  reason: CancelReason,
  resumesAtStep: number,
  cancelledAt: Instant,
): StepCancelled => ({
  type: 'StepCancelled',
  data: { ...occurrenceOf(s, planned), reason, resumesAtStep, cancelledAt },
});

export const replanned = (
  s: OnStrategy,
  planned: PlannedStep,
  dueAt: Instant,
  reason: ReplanReason,
  replannedAt: Instant,
): StepReplanned => ({
  type: 'StepReplanned',
  data: { ...occurrenceOf(s, planned), from: planned.dueAt, dueAt, reason, replannedAt },
});
