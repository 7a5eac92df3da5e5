import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type EventToAppend, type RecordedEvent } from '@casetrail/event-store';
import { uuidv7 } from '@casetrail/platform';
import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import type { DataSource } from 'typeorm';
import { citizenCasesProjection } from '../citizen-cases/citizen-cases.projection';
import { createReadModelDataSource, migrateReadModels } from '../data-source';
import { listParkedEvents, releaseParkedEvents } from './parked-events';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

const event = (type: string, data: unknown, recordedAt = '2023-08-01T10:00:00.000Z'): EventToAppend => ({
  id: uuidv7(),
  type,
  data,
  metadata: { correlationId: 'c', causationId: null, actor: 'caseworker-1', recordedAt, effectiveAt: recordedAt, schemaVersion: 1 },
});

function caseHistory(caseId: string, citizenRef: string): EventToAppend[] {
  const sanctionId = randomUUID();
  return [
    event('CaseOpened', {
      caseId,
      caseNumber: { value: 'EMN-2023-05050', format: 'EMN', year: 2023, sequence: '05050', kle: null },
      citizenRef,
      legalArea: 'AKTIVLOVEN',
      owningUnit: 'Jobcenter Nord',
      openedOn: '2021-01-04',
    }),
    event('CitizenIdentified', { source: 'OWN_METHODS', identifiedOn: '2023-05-01', note: null }),
    event('SanctionImposed', {
      sanctionId,
      sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
      legalBasis: { law: 'aktivloven', paragraph: '40 a', subsection: '1', version: 'aktivloven § 40 a, 2014–2025' },
      breachDate: '2021-02-01',
      period: { from: '2021-03-01', to: '2021-05-31' },
      amountDeductedOre: 1500000,
      decidedOn: '2021-02-15',
    }),
    event('SanctionReviewed', { sanctionId, outcome: 'ERROR', errorCategories: ['MISSING_HEARING_OF_PARTY'], wouldChangeOnAppeal: true, reviewer: 'jurist-1', reviewedOn: '2023-06-01' }),
    event('RepaymentAssessed', { repaymentId: randomUUID(), sanctionIds: [sanctionId], amountOre: 1200000, assessedOn: '2023-06-10' }),
    event('AppealLodged', { appealId: randomUUID(), sanctionIds: [sanctionId], lodgedOn: '2021-03-01' }),
  ];
}

describe('projection runner with the citizen-cases projection', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.create(database.pool);
    dataSource = createReadModelDataSource(database.url);
    await dataSource.initialize();
    await migrateReadModels(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await store.close();
    await database.drop();
  });

  const rows = async (sql: string) => (await database.pool.query(sql)).rows;

  it('projects cases into summary, sanction register and appeals register, and moves its checkpoint', async () => {
    const caseId = randomUUID();
    await store.appendToStream(`citizen-case-${caseId}`, caseHistory(caseId, randomUUID()));
    const { position: end } = await store.appendToStream('committee-item-x', [event('ItemOpened', {})]);
    const runner = new ProjectionRunner(store, database.pool, citizenCasesProjection, { batchSize: 4 });
    const outcome = await runner.catchUpTo(end);
    expect(outcome).toMatchObject({ caughtUp: true, parked: false });

    const [summary] = await rows(`SELECT * FROM read_model.case_summary`);
    expect(summary).toMatchObject({ case_id: caseId, case_number: 'EMN-2023-05050', status: 'OPEN', sanction_count: 1, sanctions_in_error: 1, repayment_assessed_ore: '1200000', appeal_count: 1, revision: 5 });
    const [sanction] = await rows(`SELECT * FROM read_model.sanction_register`);
    expect(sanction).toMatchObject({ stricter: true, paragraph: '40 a', review_outcome: 'ERROR', discovery_sources: ['OWN_METHODS'], repayment_assessed_ore: '1200000', amount_deducted_ore: '1500000' });
    expect(await rows(`SELECT count(*)::int AS n FROM read_model.appeals_register`)).toEqual([{ n: 1 }]);
    expect(await runner.checkpoint()).toBe(end);
  });

  it('changes nothing when the same events are applied again from an older checkpoint', async () => {
    const before = await rows(`SELECT * FROM read_model.case_summary ORDER BY case_id`);
    const end = await new ProjectionRunner(store, database.pool, citizenCasesProjection).checkpoint();
    await database.pool.query(`UPDATE read_model.projection_checkpoints SET position = 0 WHERE projection = 'citizen-cases'`);
    await new ProjectionRunner(store, database.pool, citizenCasesProjection).catchUpTo(end);
    expect(await rows(`SELECT * FROM read_model.case_summary ORDER BY case_id`)).toEqual(before);
    expect(await rows(`SELECT count(*)::int AS n FROM read_model.sanction_register`)).toEqual([{ n: 1 }]);
  });

  it('writes nothing of a batch that fails part-way, then parks the event it cannot apply and stops there', async () => {
    let broken = true;
    const flaky: Projection = {
      name: 'flaky',
      tables: [],
      filter: { streamPrefixes: ['flaky-'] },
      async apply(events: readonly RecordedEvent[], context) {
        for (const e of events) {
          await context.upsertRows('projection_checkpoints', ['projection'], [{ projection: `row-${e.id}`, position: 0, events_applied: 0, updated_at: new Date().toISOString() }], 'nothing');
          if (broken && e.type === 'Poison') throw new Error('cannot apply Poison');
        }
      },
    };
    const { position: end } = await store.appendToStream('flaky-1', [event('Good', {}), event('Poison', {}), event('Later', {})]);
    const runner = new ProjectionRunner(store, database.pool, flaky, { batchSize: 10 });
    expect(await runner.catchUpTo(end)).toMatchObject({ parked: true });
    const parked = await listParkedEvents(database.pool, 'flaky');
    expect(parked).toEqual([expect.objectContaining({ eventType: 'Poison', streamName: 'flaky-1', error: 'Error: cannot apply Poison' })]);
    const good = (await store.readStream('flaky-1'))[0];
    expect(await runner.checkpoint()).toBe(good.position);
    const written = await rows(`SELECT projection FROM read_model.projection_checkpoints WHERE projection LIKE 'row-%'`);
    expect(written).toHaveLength(1);

    expect(await runner.catchUp()).toMatchObject({ parked: true, applied: 0 });
    broken = false;
    expect(await releaseParkedEvents(database.pool, 'flaky')).toBe(1);
    expect(await runner.catchUpTo(end)).toMatchObject({ parked: false, caughtUp: true });
    const all = await rows(`SELECT count(*)::int AS n FROM read_model.projection_checkpoints WHERE projection LIKE 'row-%'`);
    expect(all).toEqual([{ n: 3 }]);
    const [last] = (await store.readStream('flaky-1', { direction: 'backwards', maxCount: 1 }));
    expect(await runner.checkpoint()).toBe(last.position);
    expect(await listParkedEvents(database.pool, 'flaky')).toEqual([]);
  });

  it('in a rebuild’s tables parks nothing, so that the live projection goes on: the event it cannot apply fails the call', async () => {
    const schema = 'read_model_rebuild_refused';
    await database.pool.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.projection_checkpoints (LIKE read_model.projection_checkpoints INCLUDING ALL)`);
    const refusing: Projection = {
      name: 'refusing',
      tables: [],
      filter: { streamPrefixes: ['refusing-'] },
      async apply(events: readonly RecordedEvent[]) {
        if (events.some((e) => e.type === 'Poison')) throw new Error('cannot apply Poison');
      },
    };
    const { position: end } = await store.appendToStream('refusing-1', [event('Good', {}), event('Poison', {}), event('Later', {})]);
    const [good, poison] = await store.readStream('refusing-1');
    const rebuilding = new ProjectionRunner(store, database.pool, refusing, { batchSize: 10, schema });
    await expect(rebuilding.catchUpTo(end)).rejects.toThrow(`refusing cannot apply event ${poison.id} (Poison) at position ${poison.position}: cannot apply Poison`);
    expect(await rebuilding.checkpoint()).toBe(good.position);
    expect(await listParkedEvents(database.pool, 'refusing')).toEqual([]);
    // The live runner of the same projection is not stopped by it: it parks the event itself.
    expect(await new ProjectionRunner(store, database.pool, refusing, { batchSize: 10 }).catchUpTo(end)).toMatchObject({ parked: true });
    expect(await listParkedEvents(database.pool, 'refusing')).toEqual([expect.objectContaining({ eventId: poison.id })]);
  });
});
