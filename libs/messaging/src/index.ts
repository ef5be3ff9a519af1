// The Bus port and what sits on top of it; adapters live in ./postgres and ./kafka.
export * from './bus.port';
export { backoffDelay, deadLetterHeaders, validateWithContracts, type DeadLetterReason } from './delivery';
export { applyOnce, ensureInbox, pruneInbox } from './inbox';
export { encodePayload, decodePayload } from './message-codec';
export { partitionFor } from './partitioner';
export { busMetrics } from './metrics';
export {
  mapEach,
  startPublisher,
  toOutgoing,
  type ContractMessage,
  type MappedEvent,
  type PublisherOptions,
} from './publisher';
