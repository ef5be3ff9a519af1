import { SegmentPlacement, StrategyRunEvent } from './strategy-run.events';
import { OnStrategy, Running, StrategyRun } from './strategy-run.state';

/** Applies one event. Total: an event that cannot apply (a step before any assignment) changes nothing. */
export const evolve = (state: StrategyRun, event: StrategyRunEvent): StrategyRun => {
  if (event.type === 'StrategyAssigned') {
    const { caseId, assignedAt } = event.data;
    return placedOnPath(caseId, event.data, assignedAt, new Map(), []);
  }
  if (state.status === 'not_assigned') return state;
  switch (event.type) {
    case 'CaseReSegmented':
      return placedOnPath(
        state.caseId,
        event.data,
        event.data.resegmentedAt,
        state.occurrences,
        state.history,
      );
    case 'StepPlanned': {
      const { stepIndex, occurrence, idempotencyKey, dueAt, plannedAt, heldBackBy, paymentSeenAt } =
        event.data;
      const occurrences = new Map(state.occurrences).set(occurrenceKey(state, event.data.stepId), occurrence);
      const planned = { stepIndex, occurrence, idempotencyKey, dueAt, plannedAt, heldBackBy, paymentSeenAt };
      return { ...state, planned, occurrences };
    }
    case 'StepReplanned':
      return state.planned ? { ...state, planned: { ...state.planned, dueAt: event.data.dueAt } } : state;
    case 'StepSkipped':
      return { ...state, nextStepIndex: event.data.stepIndex + 1 };
    case 'StepFired':
      return {
        ...state,
        planned: null,
        nextStepIndex: event.data.stepIndex + 1,
        lastDoneAt: event.data.firedAt,
      };
    case 'StepCancelled':
      return { ...state, planned: null, nextStepIndex: event.data.resumesAtStep };
    case 'TreatmentPathCompleted':
      return { ...state, status: 'completed', planned: null };
  }
};

/** Occurrences count per strategy and step id, so a key never repeats within the case. */
export const occurrenceKey = (run: OnStrategy, stepId: string): string =>
  `${run.placement.strategyId}/${stepId}`;

const placedOnPath = (
  caseId: string,
  data: SegmentPlacement,
  at: string,
  occurrences: OnStrategy['occurrences'],
  history: OnStrategy['history'],
): Running => {
  const placement: SegmentPlacement = {
    strategyId: data.strategyId,
    strategyVersion: data.strategyVersion,
    segmentId: data.segmentId,
    because: data.because,
    experimentId: data.experimentId,
    variantId: data.variantId,
    variantHow: data.variantHow,
    score: data.score,
    scoreBand: data.scoreBand,
    scorecardVersion: data.scorecardVersion,
    sendTime: data.sendTime,
    path: data.path,
  };
  const { strategyId, strategyVersion, segmentId, variantId } = data;
  return {
    status: 'running',
    caseId,
    placement,
    nextStepIndex: 0,
    planned: null,
    lastDoneAt: at,
    occurrences,
    history: [...history, { strategyId, strategyVersion, segmentId, variantId, at }],
  };
};
