export { createPostgresEventStore } from './postgres-event-store';
export type { PostgresEventStore, PostgresEventStoreOptions } from './postgres-event-store';
export type { StreamAppend } from '../validation';
