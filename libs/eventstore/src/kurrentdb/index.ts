export { createKurrentEventStore, KurrentEventStore } from './kurrentdb-event-store';
export type { KurrentEventStoreOptions } from './kurrentdb-event-store';
export { formatKurrentPosition, parseKurrentPosition } from './kurrentdb-mapping';
export { KurrentTimeout, withTimeout } from './with-timeout';
