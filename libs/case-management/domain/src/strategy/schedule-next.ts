import { CaseSituation } from './case-situation';
import { ContactConstraint, contactConstraint } from './contact-constraint';
import { idempotencyKeyFor, nextOccurrence, OnStrategyRun } from './planned-step';
import { ScheduleNext } from './strategy-run.commands';
import { StepPlanned, StepSkipped, StrategyRunEvent } from './strategy-run.events';
import { OnStrategy } from './strategy-run.state';
import { Step } from './strategy.document';
import { addDays, epochMs, Instant, instantAt, IsoDate, localDate } from './time';

/**
 * Plans the next step of the path, at most one at a time. Nothing is planned while collection is
 * blocked (dispute, open-ended hold, nothing owed). A step counted from the due date whose day has
 * already passed is skipped (no pre-due reminder after the due date, no soft notice a month late);
 * one counted from the previous step is planned even if late, so a catch-up still does it.
 */
export const scheduleNext = (c: ScheduleNext, s: OnStrategyRun): StrategyRunEvent[] => {
  if (s.status === 'completed' || s.planned) return [];
  const { situation, plannedAt } = c.data;
  const { steps } = s.placement.path;
  const constraint = contactConstraint(situation, s.placement.sendTime, plannedAt);
  if (constraint.kind === 'blocked') return [];
  const today = localDate(plannedAt, situation.timeZone);
  const skipped: StepSkipped[] = [];
  for (let stepIndex = s.nextStepIndex; stepIndex < steps.length; stepIndex++) {
    const step = steps[stepIndex];
    const dueOn = dueDayOf(step, situation, s.lastDoneAt);
    if (step.from === 'due_date' && dueOn < today) {
      skipped.push({
        type: 'StepSkipped',
        data: { stepId: step.id, stepIndex, reason: 'window_passed', dueOn, skippedAt: plannedAt },
      });
      continue;
    }
    return [
      ...skipped,
      planned(s, stepIndex, instantAt(dueOn, s.placement.sendTime, situation.timeZone), c, constraint),
    ];
  }
  const { strategyId, strategyVersion, segmentId } = s.placement;
  return [
    ...skipped,
    {
      type: 'TreatmentPathCompleted',
      data: { strategyId, strategyVersion, segmentId, completedAt: plannedAt },
    },
  ];
};

/** The local day a step falls due on: from the case's due date, or from when the last step was done. */
export const dueDayOf = (step: Step, situation: CaseSituation, lastDoneAt: Instant): IsoDate =>
  step.from === 'due_date'
    ? addDays(situation.dueDate, step.offsetDays)
    : addDays(localDate(lastDoneAt, situation.timeZone), step.offsetDays);

const planned = (
  s: OnStrategy,
  stepIndex: number,
  onTime: Instant,
  c: ScheduleNext,
  constraint: ContactConstraint,
): StepPlanned => {
  const step = s.placement.path.steps[stepIndex];
  const occurrence = nextOccurrence(s, step.id);
  const heldBack = constraint.kind === 'not_before' && epochMs(constraint.until) > epochMs(onTime);
  return {
    type: 'StepPlanned',
    data: {
      stepId: step.id,
      stepIndex,
      occurrence,
      idempotencyKey: idempotencyKeyFor(s, step.id, occurrence),
      kind: step.kind,
      dueAt: heldBack ? constraint.until : onTime,
      heldBackBy: heldBack ? constraint.reason : null,
      paymentSeenAt: c.data.situation.lastPaymentRecordedAt,
      plannedAt: c.data.plannedAt,
    },
  };
};
