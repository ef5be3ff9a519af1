export { createKurrentEventStore, KurrentEventStore } from './kurrentdb-event-store';
export type { KurrentEventStoreOptions } from './kurrentdb-event-store';
export { withTimeout } from './with-timeout';
