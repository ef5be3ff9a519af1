// The Bus port and what sits on top of it; adapters live in ./postgres and ./kafka.
export * from './bus.port';
export { decodePayload } from './message-codec';
export { validateWithContracts } from './delivery';
export { startPublisher, type ContractMessage, type MappedEvent, type PublisherOptions } from './publisher';
