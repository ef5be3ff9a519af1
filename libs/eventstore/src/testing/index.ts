export { eventStoreContract } from './event-store.contract';
export type { EventStoreCapabilities, EventStoreFactory } from './event-store.contract';
