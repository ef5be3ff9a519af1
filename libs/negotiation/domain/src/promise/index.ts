import { Decider } from '@cartera/decider';
import { PromiseCommand } from './promise.commands';
import { decide } from './promise.decide';
import { PromiseEvent } from './promise.events';
import { evolve } from './promise.evolve';
import { initialState, PromiseToPay } from './promise.state';

export const promiseDecider: Decider<PromiseToPay, PromiseCommand, PromiseEvent> = {
  decide,
  evolve,
  initialState,
};

export * from './promise.commands';
export * from './promise.events';
export * from './promise-rule';
export { paidWithin } from './promise.state';
export type { MadePromise, PromiseStatus, PromiseToPay, RecordedPayment } from './promise.state';
