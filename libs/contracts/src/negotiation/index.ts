export { InstalmentV1, NegotiationMessageBase, NegotiatorV1, PROMISE_CHANNELS } from './negotiation-common';
export * from './promise-made.v1';
export * from './promise-decided.v1';
export * from './promise-reopened.v1';
export * from './promise-cancelled.v1';
