import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import { DuplicateEventIdError } from '../event-store.errors';
import { contractEvent, describeEventStoreContract } from '../contract/event-store.contract';
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

describe('PostgreSQL adapter beyond the contract', () => {
  let database: TestDatabase;
  let first: PostgresEventStore;
  let second: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await PostgresEventStore.create(database.pool);
    second = await PostgresEventStore.create(database.pool);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await database.drop();
  });

  it('two processes appending with `any` to one stream race, retry, and lose nothing', async () => {
    const events = Array.from({ length: 60 }, (_, n) => contractEvent('Raced', { n }));
    const results = await Promise.all(
      events.map((e, n) => (n % 2 ? first : second).appendToStream('race-1', [e], { expectedRevision: 'any' })),
    );
    expect(new Set(results.map((r) => r.nextRevision)).size).toBe(60);
    const stored = await first.readStream('race-1');
    expect(stored.map((e) => e.revision)).toEqual(events.map((_, n) => n));
  });

  it('refuses an event id that is already stored in another stream', async () => {
    const event = contractEvent('Once', {});
    await first.appendToStream('dup-a', [event]);
    await expect(first.appendToStream('dup-b', [event])).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await first.readStream('dup-b')).toEqual([]);
  });

  it('refuses to update, delete or truncate stored events', async () => {
    await first.appendToStream('locked-1', [contractEvent('Kept', {})]);
    await expect(database.pool.query(`UPDATE event_store.events SET type = 'Changed'`)).rejects.toThrow(/append-only/);
    await expect(database.pool.query('DELETE FROM event_store.events')).rejects.toThrow(/append-only/);
    await expect(database.pool.query('TRUNCATE event_store.events')).rejects.toThrow(/append-only/);
    expect((await first.readStream('locked-1')).map((e) => e.type)).toEqual(['Kept']);
  });

  it('appends several events atomically: a clash on one stores none of them', async () => {
    const taken = contractEvent('Taken', {});
    await first.appendToStream('atomic-a', [taken]);
    await expect(
      first.appendToStream('atomic-b', [contractEvent('New', {}), taken], { expectedRevision: 'no_stream' }),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await first.readStream('atomic-b')).toEqual([]);
  });
});
