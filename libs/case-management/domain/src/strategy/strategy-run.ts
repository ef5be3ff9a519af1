import { Decider } from '@cartera/decider';
import { StrategyRunCommand } from './strategy-run.commands';
import { decide } from './strategy-run.decide';
import { StrategyRunEvent } from './strategy-run.events';
import { evolve } from './strategy-run.evolve';
import { initialState, StrategyRun } from './strategy-run.state';

/** One stream per case: its assignment, segment history and every step planned, fired or cancelled. */
export const strategyRunDecider: Decider<StrategyRun, StrategyRunCommand, StrategyRunEvent> = {
  decide,
  evolve,
  initialState,
};
