import type { Decider } from '@cartera/decider';
import type { MessageCommand } from './message.commands';
import { decide } from './message.decide';
import type { MessageEvent } from './message.events';
import { evolve } from './message.evolve';
import { initialState, type Message } from './message.state';

export const messageDecider: Decider<Message, MessageCommand, MessageEvent> = {
  decide,
  evolve,
  initialState,
};

export * from './message.commands';
export * from './message.errors';
export * from './message.events';
export type { Message } from './message.state';
export { isOptOut } from './opt-out-words';
