import { ScoredFacts } from './case-facts';
import { CaseSituation } from './case-situation';
import { contactConstraint } from './contact-constraint';
import { evaluateCondition } from './evaluate-condition';
import { cancelled, OnStrategyRun, plannedStepOf, replanned } from './planned-step';
import { FireDueStep } from './strategy-run.commands';
import { StepFired, StrategyRunEvent } from './strategy-run.events';
import { OnStrategy, PlannedStep } from './strategy-run.state';
import { addDays, epochMs, Instant, instantAt, localDate } from './time';

/**
 * Fires the planned step once it is due, after re-checking the case's latest situation in this
 * same decision: a payment the plan did not know of cancels the step (the path moves on); a
 * dispute, open-ended hold or paid-off balance cancels it where it is; a hold with an end or a
 * pending promise re-plans it; a wait_for step whose condition does not hold yet waits a day.
 * Nothing planned, or not yet due: nothing happens (a retry after the step fired is one of those).
 */
export const fireDueStep = (c: FireDueStep, s: OnStrategyRun): StrategyRunEvent[] => {
  const { situation, firedAt } = c.data;
  const planned = s.planned;
  if (!planned || epochMs(firedAt) < epochMs(planned.dueAt)) return [];
  if (paidSincePlanned(situation, planned))
    return [cancelled(s, planned, 'payment_received', planned.stepIndex + 1, firedAt)];
  const constraint = contactConstraint(situation, s.placement.sendTime, firedAt);
  if (constraint.kind === 'blocked')
    return [cancelled(s, planned, constraint.reason, planned.stepIndex, firedAt)];
  if (constraint.kind === 'not_before')
    return [replanned(s, planned, constraint.until, constraint.reason, firedAt)];
  const step = plannedStepOf(s, planned);
  if (step.kind === 'wait_for' && !evaluateCondition(step.condition, scored(situation, s)).holds)
    return [replanned(s, planned, nextDay(s, situation, firedAt), 'waiting_for_condition', firedAt)];
  return [fired(s, planned, firedAt)];
};

/** Compares what the plan knew with what the case shows now, so no clock skew can hide a payment. */
const paidSincePlanned = (situation: CaseSituation, planned: PlannedStep): boolean =>
  situation.lastPaymentRecordedAt !== planned.paymentSeenAt;

const scored = (situation: CaseSituation, s: OnStrategy): ScoredFacts => ({
  ...situation.facts,
  score: s.placement.score,
  scoreBand: s.placement.scoreBand,
});

const nextDay = (s: OnStrategy, situation: CaseSituation, at: Instant): Instant =>
  instantAt(addDays(localDate(at, situation.timeZone), 1), s.placement.sendTime, situation.timeZone);

const fired = (s: OnStrategy, planned: PlannedStep, firedAt: Instant): StepFired => {
  const step = plannedStepOf(s, planned);
  const { strategyId, strategyVersion, segmentId, variantId } = s.placement;
  return {
    type: 'StepFired',
    data: {
      stepId: step.id,
      stepIndex: planned.stepIndex,
      occurrence: planned.occurrence,
      idempotencyKey: planned.idempotencyKey,
      strategyId,
      strategyVersion,
      segmentId,
      variantId,
      step,
      dueAt: planned.dueAt,
      firedAt,
    },
  };
};
