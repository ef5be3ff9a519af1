export * from './event-store.port';
export { jsonCodec, parseJson, stringifyJson, NotSerialisable } from './json-codec';
export {
  canonicalEvent,
  chainLink,
  ChainVerifier,
  eventDigest,
  GENESIS_HASH,
  verifyChain,
} from './hash-chain';
export type { ChainedEvent, HashableEvent } from './hash-chain';
export { createUpcasterRegistry, noUpcasters } from './upcasters';
export type { Upcaster, UpcasterRegistry } from './upcasters';
export { deterministicEventId, eventIdsFromMessage, newEventId } from './event-ids';
export { handleCommand } from './handle-command';
export type { HandleCommandOptions, HandleCommandResult } from './handle-command';
export { MAX_EVENT_BYTES, MAX_EVENTS_PER_APPEND, MAX_STREAM_ID_BYTES } from './validation';
