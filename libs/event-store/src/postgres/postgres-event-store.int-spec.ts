import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('PostgreSQL', async () => {
  const database: TestDatabase = await createTestDatabase();
  const store = await PostgresEventStore.create(database.pool);
  return {
    store,
    holdAppend: async (streamName, events) => {
      const client = await database.pool.connect();
      await client.query('BEGIN');
      await store.appendOn(client, streamName, events);
      return {
        commit: async () => {
          await client.query('COMMIT');
          client.release();
        },
      };
    },
    teardown: async () => {
      await store.close();
      await database.drop();
    },
  };
});
