export * from './event-store.port';
export { parseJson, stringifyJson, NotSerialisable } from './json-codec';
export { chainLink, ChainVerifier, eventDigest, GENESIS_HASH } from './hash-chain';
export type { ChainedEvent, HashableEvent } from './hash-chain';
export { createUpcasterRegistry } from './upcasters';
export type { Upcaster, UpcasterRegistry } from './upcasters';
export { deterministicEventId, eventIdsFromMessage, newEventId } from './event-ids';
export { handleCommand } from './handle-command';
export type { HandleCommandOptions, HandleCommandResult } from './handle-command';
