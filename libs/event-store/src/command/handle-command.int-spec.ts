import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import type { Aggregate, CommandContext, DomainEvent } from './domain-event';
import { PreconditionFailedError } from './command-errors';
import { foldStream, handleCommand } from './handle-command';

type CounterEvent = DomainEvent<'Incremented', { by: number }>;
const counter: Aggregate<{ total: number }, CounterEvent> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.by }),
};
const increment = (by: number) => (): CounterEvent[] => [{ type: 'Incremented', data: { by } }];
const context = (actor = 'user-1'): CommandContext => ({
  actor,
  correlationId: 'corr-1',
  recordedAt: new Date('2026-03-01T10:00:00Z'),
  effectiveAt: new Date('2026-02-15T00:00:00Z'),
});

describe('handleCommand', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.create(database.pool);
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('appends the decided events with actor, both times and correlation in their metadata', async () => {
    const result = await handleCommand(store, 'counter-a', counter, increment(2), context());
    expect(result).toMatchObject({ streamName: 'counter-a', revision: 0, events: [{ type: 'Incremented', data: { by: 2 } }] });
    const [stored] = await store.readStream('counter-a');
    expect(stored.metadata).toMatchObject({
      actor: 'user-1',
      correlationId: 'corr-1',
      causationId: null,
      recordedAt: '2026-03-01T10:00:00.000Z',
      effectiveAt: '2026-02-15T00:00:00.000Z',
      schemaVersion: 1,
    });
    expect(stored.position).toBe(result.position);
  });

  it('decides on the folded state and appends nothing when the decision is empty', async () => {
    await handleCommand(store, 'counter-b', counter, increment(1), context());
    const seen: number[] = [];
    const result = await handleCommand(store, 'counter-b', counter, (state) => (seen.push(state.total), []), context());
    expect(seen).toEqual([1]);
    expect(result).toMatchObject({ revision: 0, position: null, events: [] });
  });

  it('refuses with 412 semantics when the If-Match revision is stale, deciding nothing', async () => {
    await handleCommand(store, 'counter-c', counter, increment(1), context());
    await handleCommand(store, 'counter-c', counter, increment(1), context());
    let decided = false;
    await expect(
      handleCommand(store, 'counter-c', counter, () => ((decided = true), []), context(), { expectedRevision: 0 }),
    ).rejects.toMatchObject({ code: 'REQUEST.PRECONDITION_FAILED', expected: 0, actual: 1 });
    expect(decided).toBe(false);
    await expect(
      handleCommand(store, 'counter-new', counter, increment(1), context(), { expectedRevision: 3 }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it('re-reads and decides again when another writer got in between, losing no update', async () => {
    const writes = Array.from({ length: 24 }, (_, n) => handleCommand(store, 'counter-d', counter, increment(n + 1), context(`user-${n}`), { maxAttempts: 50 }));
    await Promise.all(writes);
    const history = await store.readStream('counter-d');
    expect(history).toHaveLength(24);
    expect(foldStream(counter, history).total).toBe((24 * 25) / 2);
  });

  it('upcasts stored events of an older schema version before folding', async () => {
    await store.appendToStream('counter-e', [
      { id: '0190c7a2-0000-7000-8000-000000000001', type: 'Incremented', data: { amount: 5 }, metadata: { ...{ correlationId: 'c', causationId: null, actor: 'a', recordedAt: '2020-01-01T00:00:00Z' }, schemaVersion: 0 } },
    ]);
    const upcasters = [{ type: 'Incremented', fromVersion: 0, upcast: (data: unknown) => ({ by: (data as { amount: number }).amount }) }];
    expect(foldStream(counter, await store.readStream('counter-e'), upcasters).total).toBe(5);
  });
});
