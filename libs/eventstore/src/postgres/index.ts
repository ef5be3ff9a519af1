export { createPostgresEventStore } from './postgres-event-store';
export type { PostgresEventStore, PostgresEventStoreOptions } from './postgres-event-store';
export type { StreamAppend } from '../validation';
export { MAX_EVENTS_PER_MULTI_APPEND } from '../validation';
export { formatPosition, parsePosition } from './postgres-position';
