import { randomUUID } from 'node:crypto';
import { createTestDatabase, waitFor, type TestDatabase } from '@casetrail/testing';
import { contractEvent } from '../contract/event-store.contract';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { GlobalSeal } from './global-seal';
import { verifyStream } from './verify-log';

/** Tampering directly in PostgreSQL, as someone with database access could: each is caught and named. */
describe('tamper evidence', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let seal: GlobalSeal;

  beforeEach(async () => {
    database = await createTestDatabase({ poolSize: 5 });
    store = await PostgresEventStore.create(database.pool);
    seal = await GlobalSeal.create(store, database.pool);
    for (const n of [1, 2, 3]) {
      await store.appendToStream(`citizen-case-${n}`, [
        contractEvent('CaseOpened', { caseNumber: `EMN-2023-0000${n}`, owningUnit: 'Jobcenter Nord' }),
        contractEvent('SanctionImposed', { amountDeductedOre: 1234500 + n, breachDate: '2021-03-01' }),
        contractEvent('SanctionReviewed', { outcome: 'ERROR', errorCategories: ['MISSING_HEARING_OF_PARTY'] }),
      ]);
    }
    await waitForSeal(9);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  /**
   * Seals once all 9 events show in the log (it shows events once older transactions anywhere on
   * the server have ended), so that one checkpoint covers them.
   */
  async function waitForSeal(events: number): Promise<void> {
    await waitFor('the events in the global log', async () => ((await store.readAll({ maxCount: 10_000 })).events.length >= events ? true : undefined));
    expect((await seal.sealNew())?.eventCount).toBe(events);
  }

  async function tamper(sql: string, params: unknown[] = []): Promise<void> {
    const client = await database.pool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(sql, params);
    } finally {
      await client.query('RESET session_replication_role');
      client.release();
    }
  }

  it('verifies an untouched store: every chain and every sealed running hash', async () => {
    expect(await seal.verifyAll()).toEqual({ ok: true, eventsChecked: 9, streamsChecked: 3, checkpointsChecked: 1, problem: undefined });
    expect(verifyStream(await store.readStream('citizen-case-2')).ok).toBe(true);
  });

  it('names the event whose stored content changed by one byte', async () => {
    const [, imposed] = await store.readStream('citizen-case-2');
    await tamper(`UPDATE event_store.events SET data = jsonb_set(data, '{amountDeductedOre}', '1234503') WHERE id = $1`, [imposed.id]);
    const result = await seal.verifyAll();
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ kind: 'CONTENT_CHANGED', streamName: 'citizen-case-2', revision: 1, eventId: imposed.id });
    expect(verifyStream(await store.readStream('citizen-case-2')).problem).toMatchObject({ kind: 'CONTENT_CHANGED', revision: 1 });
  });

  it('names the place of a deleted event, inside a stream and at its end', async () => {
    await tamper(`DELETE FROM event_store.events WHERE stream_name = 'citizen-case-1' AND revision = 1`);
    expect((await seal.verifyAll()).problem).toMatchObject({ kind: 'REVISION_MISSING', streamName: 'citizen-case-1', revision: 2 });

    await tamper(`DELETE FROM event_store.events WHERE stream_name = 'citizen-case-1'`);
    await tamper(`DELETE FROM event_store.events WHERE stream_name = 'citizen-case-3' AND revision = 2`);
    const result = await seal.verifyAll();
    expect(result.problem).toMatchObject({ kind: 'CHECKPOINT_MISMATCH' });
    // The first sealed checkpoint the deletions reach (9 events, or fewer if sealing saw the log in parts).
    expect(result.problem?.detail).toMatch(/\(\d+ events sealed, \d+ found\)/);
  });

  it('names the first of two swapped events', async () => {
    const [opened, imposed] = await store.readStream('citizen-case-3');
    await tamper(`UPDATE event_store.events SET revision = -1 WHERE id = $1`, [opened.id]);
    await tamper(`UPDATE event_store.events SET revision = 0 WHERE id = $1`, [imposed.id]);
    await tamper(`UPDATE event_store.events SET revision = 1 WHERE id = $1`, [opened.id]);
    expect(verifyStream(await store.readStream('citizen-case-3')).problem).toMatchObject({ kind: 'CHAIN_BROKEN', revision: 0, eventId: imposed.id });
    expect((await seal.verifyAll()).ok).toBe(false);
  });

  it('seals only what is new, one checkpoint every 1,000 events and at the end', async () => {
    const events = Array.from({ length: 1500 }, (_, n) => contractEvent('Bulk', { n }));
    for (let i = 0; i < events.length; i += 100) await store.appendToStream(`bulk-${randomUUID()}`, events.slice(i, i + 100));
    await waitForSeal(1509);
    const { rows } = await database.pool.query('SELECT event_count::int AS n FROM integrity.checkpoints ORDER BY position');
    // One checkpoint every 1,000 events, and one where each sealing ended (more than one when the
    // log showed the events in parts, held back by older transactions elsewhere on the server).
    const counts = rows.map((r) => r.n);
    expect(counts).toEqual(expect.arrayContaining([9, 1000, 1509]));
    expect(counts[counts.length - 1]).toBe(1509);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect((await seal.verifyAll()).ok).toBe(true);
  });
});
