import { Decider } from '@cartera/decider';
import { CaseCommand } from './case.commands';
import { decide } from './case.decide';
import { CaseEvent } from './case.events';
import { evolve } from './case.evolve';
import { Case, initialState } from './case.state';

export const caseDecider: Decider<Case, CaseCommand, CaseEvent> = { decide, evolve, initialState };

export { decide, evolve, initialState };
export * from './case.commands';
export * from './case.errors';
export * from './case.events';
export * from './case.state';
export { ALLOWED_MOVES, isWorkStatus } from './case.status';
export { disputeHoldId } from './case.evolve';
export { limitationRuleFor } from './case.limitation';
export { scrubHoldId } from './case.scrubs';
