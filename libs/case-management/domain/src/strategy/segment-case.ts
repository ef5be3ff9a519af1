import { ScoredFacts } from './case-facts';
import { evaluateCondition } from './evaluate-condition';
import { Segment, StrategyDocument } from './strategy.document';

/** The segment a case falls in, and the comparisons that put it there. */
export type SegmentMatch = Readonly<{ segment: Segment; because: readonly string[] }>;

/** First matching segment wins: segments are listed most specific first, a catch-all last. */
export const segmentCase = (strategy: StrategyDocument, facts: ScoredFacts): SegmentMatch | null => {
  for (const segment of strategy.segments) {
    if (!segment.when) return { segment, because: ['catch-all segment'] };
    const result = evaluateCondition(segment.when, facts);
    if (result.holds) return { segment, because: result.because };
  }
  return null;
};
