import { BacktestPeriod, Candidate, CaseHistory, replayCase } from './backtest-replay';
import { CancelReason, StrategyRunEvent } from './strategy-run.events';
import { MessageChannel, StepKind } from './strategy.document';
import { IsoDate, localDate } from './time';

/** What one variant would have done over the period. Contacts are counted on the debtor's local day. */
export type VariantFigures = {
  cases: number;
  stepsFired: Partial<Record<StepKind, number>>;
  stepsFiredBySegment: Record<string, Partial<Record<StepKind, number>>>;
  stepsCancelled: Partial<Record<CancelReason, number>>;
  contactsPerChannelPerDay: Partial<Record<MessageChannel, Record<IsoDate, number>>>;
};

/** Figures per variant id (`none` when the strategy runs no experiment), with the versions used. */
export type BacktestReport = Readonly<{
  strategyId: string;
  strategyVersion: number;
  scorecardVersion: string;
  period: BacktestPeriod;
  variants: Record<string, VariantFigures>;
}>;

/**
 * What the candidate strategy would have done over recorded histories: pure, nothing is sent or
 * stored; the caller keeps the report to compare it with the champion's actual history.
 */
export const backtest = (
  candidate: Candidate,
  histories: Iterable<CaseHistory>,
  period: BacktestPeriod,
): BacktestReport => {
  const variants: Record<string, VariantFigures> = {};
  for (const history of histories) {
    const timeZone = history.timeline[0]?.situation.timeZone ?? 'UTC';
    tally(variants, replayCase(history, period, candidate), timeZone);
  }
  const { strategy, scorecard } = candidate;
  return {
    strategyId: strategy.strategyId,
    strategyVersion: strategy.version,
    scorecardVersion: scorecard.version,
    period,
    variants,
  };
};

const NO_EXPERIMENT = 'none';

/** A case counts once, in the variant it was first assigned. */
const tally = (
  variants: Record<string, VariantFigures>,
  events: readonly StrategyRunEvent[],
  timeZone: string,
) => {
  let variant: VariantFigures | null = null;
  for (const event of events) {
    if (event.type === 'StrategyAssigned') {
      variant = figuresOf(variants, event.data.variantId ?? NO_EXPERIMENT);
      variant.cases++;
    } else if (event.type === 'CaseReSegmented') {
      variant = figuresOf(variants, event.data.variantId ?? NO_EXPERIMENT);
    } else if (variant && event.type === 'StepFired') {
      const { step, segmentId, firedAt } = event.data;
      bump(variant.stepsFired, step.kind);
      bump((variant.stepsFiredBySegment[segmentId] ??= {}), step.kind);
      if (step.kind === 'send_message')
        bump((variant.contactsPerChannelPerDay[step.channel] ??= {}), localDate(firedAt, timeZone));
    } else if (variant && event.type === 'StepCancelled') bump(variant.stepsCancelled, event.data.reason);
  }
};

const figuresOf = (variants: Record<string, VariantFigures>, id: string): VariantFigures =>
  (variants[id] ??= {
    cases: 0,
    stepsFired: {},
    stepsFiredBySegment: {},
    stepsCancelled: {},
    contactsPerChannelPerDay: {},
  });

const bump = <K extends string>(counts: Partial<Record<K, number>>, key: K): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};
