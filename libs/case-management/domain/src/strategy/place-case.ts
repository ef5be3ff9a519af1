import { CaseFacts } from './case-facts';
import { Scorecard, scoreCase, withScore } from './scorecard';
import { segmentCase } from './segment-case';
import { StrategyRuleViolated } from './strategy-run.errors';
import { SegmentPlacement } from './strategy-run.events';
import { StrategyDocument } from './strategy.document';
import { assignVariant } from './variant-assignment';

const DEFAULT_SEND_TIME = '09:00';

/** The variant a case was given in an experiment, to keep it there when shares change. */
export type RecordedVariant = Readonly<{ experimentId: string | null; variantId: string | null }>;

/** Scores the case, finds its segment and variant, and picks the path that variant follows. */
export const placeCase = (
  strategy: StrategyDocument,
  scorecard: Scorecard,
  facts: CaseFacts,
  recorded: RecordedVariant | null,
  reshuffle = false,
): SegmentPlacement => {
  const score = scoreCase(scorecard, facts);
  const match = segmentCase(strategy, withScore(facts, score));
  if (!match)
    throw new StrategyRuleViolated('no_matching_segment', `${strategy.strategyId} v${strategy.version}`);
  const { experiment } = strategy;
  const kept = recorded && experiment && recorded.experimentId === experiment.id ? recorded.variantId : null;
  const variant = experiment ? assignVariant(facts.caseId, experiment, kept, reshuffle) : null;
  const path = (variant && match.segment.variantPaths?.[variant.variantId]) || match.segment.path;
  return {
    strategyId: strategy.strategyId,
    strategyVersion: strategy.version,
    segmentId: match.segment.id,
    because: match.because,
    experimentId: experiment?.id ?? null,
    variantId: variant?.variantId ?? null,
    variantHow: variant?.how ?? null,
    score: score.score,
    scoreBand: score.band,
    scorecardVersion: score.scorecardVersion,
    sendTime: strategy.sendTime ?? DEFAULT_SEND_TIME,
    path,
  };
};
