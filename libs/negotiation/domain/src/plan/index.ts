import { Decider } from '@cartera/decider';
import { PlanCommand } from './plan.commands';
import { decide } from './plan.decide';
import { PlanEvent } from './plan.events';
import { evolve } from './plan.evolve';
import { initialState, PaymentPlan } from './plan.state';

export const planDecider: Decider<PaymentPlan, PlanCommand, PlanEvent> = { decide, evolve, initialState };

export * from './plan.commands';
export * from './plan.events';
export * from './plan-policy';
export { outstandingOf, renegotiationChain } from './plan.state';
export type { AgreedPlan, PaymentPlan, PlanInstalment, PlanPayment, PlanStatus } from './plan.state';
