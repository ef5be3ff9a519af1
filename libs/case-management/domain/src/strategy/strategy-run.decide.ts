import { assignStrategy, reSegment } from './assign-strategy';
import { fireDueStep } from './fire-due-step';
import { OnStrategyRun } from './planned-step';
import { scheduleNext } from './schedule-next';
import { StrategyRunCommand } from './strategy-run.commands';
import { StrategyRuleViolated } from './strategy-run.errors';
import { StrategyRunEvent } from './strategy-run.events';
import { StrategyRun } from './strategy-run.state';

export const decide = (command: StrategyRunCommand, state: StrategyRun): StrategyRunEvent[] => {
  switch (command.type) {
    case 'AssignStrategy':
      return assignStrategy(command, state);
    case 'ReSegment':
      return reSegment(command, assigned(state));
    case 'ScheduleNext':
      return scheduleNext(command, assigned(state));
    case 'FireDueStep':
      return fireDueStep(command, assigned(state));
    default: {
      const unknown: never = command;
      throw new Error(`Unhandled command ${(unknown as StrategyRunCommand).type}`);
    }
  }
};

const assigned = (state: StrategyRun): OnStrategyRun => {
  if (state.status === 'not_assigned') throw new StrategyRuleViolated('not_assigned');
  return state;
};
