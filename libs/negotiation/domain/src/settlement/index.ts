import { Decider } from '@cartera/decider';
import { SettlementCommand } from './settlement.commands';
import { decide } from './settlement.decide';
import { SettlementEvent } from './settlement.events';
import { evolve } from './settlement.evolve';
import { initialState, Settlement } from './settlement.state';

export const settlementDecider: Decider<Settlement, SettlementCommand, SettlementEvent> = {
  decide,
  evolve,
  initialState,
};

export * from './approval-limits';
export * from './discount';
export * from './settlement.commands';
export * from './settlement.events';
export { MAX_SETTLEMENT_INSTALMENTS } from './settlement.terms';
export type { Settlement } from './settlement.state';
