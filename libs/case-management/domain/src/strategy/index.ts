export * from './strategy.document';
export { validateStrategy, isValidStrategy } from './validate-strategy';
export type { StrategyProblem, StrategyProblemCode } from './validation';
export type { CaseFacts, ScoredFacts } from './case-facts';
export { evaluateCondition } from './evaluate-condition';
export type { ConditionResult } from './evaluate-condition';
export { segmentCase } from './segment-case';
export type { SegmentMatch } from './segment-case';
export { DEFAULT_SCORECARD, scoreCase, withScore } from './scorecard';
export type { PointsBand, Score, Scorecard, ScoredAttribute, ScoredFact, ScoreReason } from './scorecard';
export { assignmentPoint, assignVariant, fnv1a } from './variant-assignment';
export type { VariantAssignment } from './variant-assignment';
export { strategyRunDecider } from './strategy-run';
export { decide as decideStrategyRun } from './strategy-run.decide';
export { evolve as evolveStrategyRun } from './strategy-run.evolve';
export { initialState as initialStrategyRun } from './strategy-run.state';
export type {
  Completed,
  NotAssigned,
  OnStrategy,
  PlannedStep,
  Running,
  SegmentRecord,
  StrategyRun,
} from './strategy-run.state';
export type * from './strategy-run.commands';
export type * from './strategy-run.events';
export type { CaseSituation } from './case-situation';
export { StrategyRuleViolated, violates as violatesStrategyRule } from './strategy-run.errors';
export type { StrategyRuleCode } from './strategy-run.errors';
export { contactConstraint } from './contact-constraint';
export type { ContactConstraint } from './contact-constraint';
export { backtest } from './backtest';
export type { BacktestReport, VariantFigures } from './backtest';
export { replayCase } from './backtest-replay';
export type { BacktestPeriod, Candidate, CaseHistory, HistoryEntry } from './backtest-replay';
