import { placeCase } from './place-case';
import { cancelled, OnStrategyRun } from './planned-step';
import { AssignStrategy, ReSegment } from './strategy-run.commands';
import { StrategyRuleViolated } from './strategy-run.errors';
import { SegmentPlacement, StrategyRunEvent } from './strategy-run.events';
import { StrategyRun } from './strategy-run.state';
import { epochMs } from './time';

/** The same strategy version assigned again is a retry; another one is a re-segmentation. */
export const assignStrategy = (c: AssignStrategy, s: StrategyRun): StrategyRunEvent[] => {
  const { strategy, scorecard, facts, assignedAt } = c.data;
  epochMs(assignedAt);
  if (s.status !== 'not_assigned') {
    const { strategyId, strategyVersion } = s.placement;
    if (strategyId === strategy.strategyId && strategyVersion === strategy.version) return [];
    throw new StrategyRuleViolated('already_assigned', `${strategyId} v${strategyVersion}: use ReSegment`);
  }
  const placement = placeCase(strategy, scorecard, facts, null);
  return [{ type: 'StrategyAssigned', data: { ...placement, caseId: facts.caseId, assignedAt } }];
};

/**
 * Nothing happens while the case stays in the same strategy version, segment and variant (its path
 * goes on); otherwise a planned step is cancelled and the new path starts. The variant is kept
 * unless a reshuffle is asked for.
 */
export const reSegment = (c: ReSegment, s: OnStrategyRun): StrategyRunEvent[] => {
  const { strategy, scorecard, facts, reason, resegmentedAt, reshuffle } = c.data;
  epochMs(resegmentedAt);
  const was = s.placement;
  const placement = placeCase(strategy, scorecard, facts, was, reshuffle);
  if (samePlacement(was, placement)) return [];
  const { strategyId, strategyVersion, segmentId, variantId } = was;
  return [
    ...(s.planned ? [cancelled(s, s.planned, 'resegmented', s.nextStepIndex, resegmentedAt)] : []),
    {
      type: 'CaseReSegmented',
      data: {
        ...placement,
        from: { strategyId, strategyVersion, segmentId, variantId },
        reason,
        resegmentedAt,
      },
    },
  ];
};

const samePlacement = (a: SegmentPlacement, b: SegmentPlacement): boolean =>
  a.strategyId === b.strategyId &&
  a.strategyVersion === b.strategyVersion &&
  a.segmentId === b.segmentId &&
  a.variantId === b.variantId;
