export * from './event-store.port';
export * from './event-store.errors';
export { PostgresEventStore, NOTIFY_CHANNEL } from './postgres/postgres-event-store';
export type { Queryable } from './postgres/postgres-event-store';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
export { EventStoreModule, createEventStore } from './nest/event-store.module';
