import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type EventToAppend } from '@casetrail/event-store';
import { createTestDatabase, waitForStableLog, type TestDatabase } from '@casetrail/testing';
import type { DataSource } from 'typeorm';
import { generateEvents, type GeneratedEvent } from '../../../../../bench/rebuild/event-generator';
import { citizenCasesProjection } from '../../citizen-cases/citizen-cases.projection';
import { createReadModelDataSource, migrateReadModels } from '../../data-source';
import { ProjectionRunner } from '../../projection/projection-runner';
import { rebuildProjections } from '../../rebuild/rebuild-projection';
import { reportJson } from '../format/report-json';
import { computeSanctionReview, computeSanctionReviewFromLog, reportFromBasis } from './compute-sanction-review';
import { ResidentCaseFigures, type ResidentRow } from './resident-case-figures';
import { holdCaseRows, readSanctionReviewBasis } from './sanction-review-basis';
import type { SanctionReviewParameters } from './sanction-review.parameters';

/**
 * The sanction review from the citizen-cases projection's versions against the reference, every
 * citizen-case stream folded from the log: the same JSON, byte for byte, at many positions and
 * cutoffs, with the projection behind the log and caught up. The log is the rebuild benchmark's
 * generator (a few hundred events over five months), made harder: some citizens have two cases,
 * some events are recorded earlier than the event before them in their stream (a late entry with
 * an earlier clock, or a retried command), one stream starts before its case is opened, and one case
 * is corrected back to unopened. The same with the case rows held in this process (one holder for
 * the whole file, so that it is brought up to date as the projection moves and a rebuild swaps
 * its tables).
 */
const DAY = 86_400_000;
const START = Date.parse('2023-01-02T07:30:00.000Z');

const PARAMETERS: readonly SanctionReviewParameters[] = [
  { sanctionTypes: ['AKTL_40A_STRICTER_AVAILABILITY', 'STRICTER_AVAILABILITY_2025'], breachFrom: null, breachTo: null, knownOn: 'x', includeCitizens: true },
  { sanctionTypes: ['AKTL_40A_STRICTER_AVAILABILITY'], breachFrom: '2018-01-01', breachTo: '2022-12-31', knownOn: 'x', includeCitizens: false },
  { sanctionTypes: ['AKTL_AVAILABILITY_GENERIC', 'AKTL_40A_STRICTER_AVAILABILITY'], breachFrom: '2020-01-01', breachTo: null, knownOn: 'x', includeCitizens: true },
];

function harderLog(): GeneratedEvent[] {
  const generated = [...generateEvents({ seed: 7, events: 700, activeStreams: 40, meanGapSeconds: 6 * 3600, startsAt: new Date(START).toISOString() })];
  const citizenRefs: string[] = [];
  let citizenCaseEvents = 0;
  return generated.map((event) => {
    if (!event.streamName.startsWith('citizen-case-')) return event;
    citizenCaseEvents++;
    if (event.type === 'CaseOpened') {
      const data = event.data as { citizenRef: string };
      citizenRefs.push(data.citizenRef);
      if (citizenRefs.length % 4 === 0) return { ...event, data: { ...data, citizenRef: citizenRefs[citizenRefs.length - 3] } };
    }
    if (event.revision > 0 && citizenCaseEvents % 9 === 0) {
      const earlier = new Date(Date.parse(event.metadata.recordedAt) - (citizenCaseEvents % 2 === 0 ? 30 * DAY : 1)).toISOString();
      return { ...event, metadata: { ...event.metadata, recordedAt: earlier } };
    }
    return event;
  });
}

const at = (ms: number): EventToAppend['metadata'] => ({ correlationId: 'c', causationId: null, actor: 'caseworker-1', recordedAt: new Date(ms).toISOString(), schemaVersion: 1 });

describe('the sanction review from the projection’s versions equals the one folded from the log', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const positions: bigint[] = [];
  const resident = new ResidentCaseFigures();

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.create(database.pool);
    dataSource = createReadModelDataSource(database.url);
    await dataSource.initialize();
    await migrateReadModels(dataSource);

    const log = harderLog();
    const orphan = 'citizen-case-0190c7a2-0000-7000-8000-00000000f00d';
    const imposed = log.find((e) => e.type === 'SanctionImposed')!;
    const opened = log.find((e) => e.type === 'CaseOpened')!;
    for (const [index, event] of log.entries()) {
      const { position } = await store.appendToStream(event.streamName, [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }]);
      positions.push(position);
      // A stream whose sanction is recorded before its case is opened, a long way apart in the log.
      if (index === 40) await store.appendToStream(orphan, [{ id: randomUUID(), type: 'SanctionImposed', data: { ...(imposed.data as object), sanctionId: randomUUID() }, metadata: at(START + 5 * DAY) }]);
      if (index === 400) {
        const caseId = orphan.slice('citizen-case-'.length);
        await store.appendToStream(orphan, [{ id: randomUUID(), type: 'CaseOpened', data: { ...(opened.data as object), caseId }, metadata: at(START + 90 * DAY) }]);
        const undone = { correctsEventId: 'x', target: { kind: 'case', changes: { status: 'NONE' } }, reason: 'opened in error' };
        await store.appendToStream(opened.streamName, [{ id: randomUUID(), type: 'FactCorrected', data: undone, metadata: at(START + 95 * DAY) }]);
      }
    }
    // Reports with no position stand on the stable end: another test file's open transaction must not hold it back.
    await waitForStableLog(store, positions[positions.length - 1]);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await store?.close();
    await database?.drop();
  });

  const CUTOFFS = [5, 30, 61, 90, 94.5, 120, 150, 400].map((days) => new Date(START + days * DAY).toISOString());

  async function compare(position: bigint | undefined): Promise<number> {
    let compared = 0;
    for (const cutoff of CUTOFFS) {
      // With the ids in one row per case or so (so that many rows are summed), and without them.
      const withIds = await readSanctionReviewBasis(store, dataSource, cutoff, position, { parts: 97 });
      const withoutIds = await readSanctionReviewBasis(store, dataSource, cutoff, position, { withIds: false });
      const held = await readSanctionReviewBasis(store, dataSource, cutoff, position, { resident });
      expect(withIds).not.toBeNull();
      expect(withoutIds).not.toBeNull();
      expect(held).not.toBeNull();
      for (const parameters of PARAMETERS) {
        const fromLog = reportJson(await computeSanctionReviewFromLog(store, parameters, cutoff, position));
        const basis = parameters.includeCitizens ? withIds : withoutIds;
        expect({ position, cutoff, parameters, json: reportJson(reportFromBasis(parameters, cutoff, basis!)) }).toEqual({ position, cutoff, parameters, json: fromLog });
        expect({ position, cutoff, parameters, held: reportJson(reportFromBasis(parameters, cutoff, held!)) }).toEqual({ position, cutoff, parameters, held: fromLog });
        compared++;
      }
    }
    return compared;
  }

  it('while the projection is behind the log (the events after its checkpoint folded from the log)', async () => {
    const runner = new ProjectionRunner(store, database.pool, citizenCasesProjection, { batchSize: 25 });
    const middle = positions[Math.floor(positions.length * 0.6)];
    while ((await runner.step()).position < middle);
    const checkpoint = await runner.checkpoint();
    expect(checkpoint).toBeLessThan(positions[positions.length - 1]);
    const compared = [];
    for (const position of [positions[100], positions[300], checkpoint, positions[500], positions[positions.length - 1], undefined]) compared.push(await compare(position));
    expect(compared.reduce((a, b) => a + b)).toBe(6 * CUTOFFS.length * PARAMETERS.length);
  });

  it('once the projection has caught up, and through computeSanctionReview as the handlers call it', async () => {
    const runner = new ProjectionRunner(store, database.pool, citizenCasesProjection, { batchSize: 25 });
    await runner.catchUpTo(positions[positions.length - 1]);
    for (const position of [positions[50], positions[250], positions[450], positions[600], undefined]) await compare(position);

    const { rows } = await database.pool.query<{ flagged: number; summaries: number; events: number; cases: number }>(
      `SELECT (SELECT count(DISTINCT stream_name) FROM read_model.sanction_review_versions WHERE fold_from_log)::int AS flagged,
              (SELECT count(*) FROM read_model.sanction_review_summaries)::int AS summaries,
              (SELECT count(*) FROM read_model.sanction_review_versions)::int AS events,
              (SELECT count(*) FROM read_model.sanction_review_cases)::int AS cases`,
    );
    const all = (await computeSanctionReviewFromLog(store, PARAMETERS[0], CUTOFFS[CUTOFFS.length - 1])).header.basis;
    expect(rows[0]).toMatchObject({ events: all.eventsFolded, cases: all.streamsRead });
    expect(rows[0].summaries).toBeLessThan(rows[0].events);
    // The stream opened late, the case corrected back to unopened, and streams with an event recorded before the one preceding it.
    expect(rows[0].flagged).toBeGreaterThan(2);
    expect(rows[0].flagged).toBeLessThan(all.streamsRead / 2);

    const parameters = PARAMETERS[0];
    const fast = await computeSanctionReview(store, dataSource, parameters, CUTOFFS[4]);
    expect(reportJson(fast)).toBe(reportJson(await computeSanctionReviewFromLog(store, parameters, CUTOFFS[4], BigInt(fast.header.basis.position))));
  });

  it('with the case rows held in this process: counted where they stand, brought up to date as events are projected, read again after a rebuild', async () => {
    const runner = new ProjectionRunner(store, database.pool, citizenCasesProjection, { batchSize: 25 });
    await runner.catchUpTo(positions[positions.length - 1]);
    const holder = new ResidentCaseFigures();
    const now = new Date(START + 400 * DAY).toISOString();
    const through = async (position?: bigint) => ({
      held: reportJson(await computeSanctionReview(store, dataSource, PARAMETERS[0], now, position, holder)),
      read: reportJson(await computeSanctionReview(store, dataSource, PARAMETERS[0], now, position)),
    });
    const first = await through();
    expect(first.held).toBe(first.read);
    const { rows } = await database.pool.query<{ cases: number; marked: number }>(
      `SELECT (SELECT count(*) FROM read_model.sanction_review_cases)::int AS cases,
              (SELECT count(DISTINCT stream_name) FROM read_model.sanction_review_versions WHERE fold_from_log)::int AS marked`,
    );
    expect(holder.size).toBe(rows[0].cases);
    // As the API does at start.
    expect(await holdCaseRows(dataSource, new ResidentCaseFigures())).toBe(rows[0].cases);

    // As known now, every held row stands where the report reads it: nothing else is read.
    const checkpoint = await runner.checkpoint();
    const held = await dataSource.transaction('REPEATABLE READ', async (manager) => resident.refresh(manager, checkpoint));
    const taken = held!.take(checkpoint, Date.parse(now), new Set());
    expect(taken.others).toEqual([]);
    expect(taken.streams).toBe(rows[0].cases);
    // At an earlier position the rows whose last event is later are not counted from the holder.
    const earlier = held!.take(positions[300], Date.parse(now), new Set());
    expect(earlier.others.length).toBeGreaterThan(0);
    expect(earlier.streams + earlier.others.length).toBeLessThan(rows[0].cases);
    // A report with an older snapshot brings up rows older than those held: they are not put back.
    const stale = (await database.pool.query<ResidentRow>(`SELECT stream_name FROM read_model.sanction_review_cases WHERE revision > 0 AND latest_figures IS NOT NULL LIMIT 1`)).rows[0];
    held!.bringUp([{ ...stale, revision: 0, last_position: '1', last_recorded_at: START, first_event_position: '1', first_event_recorded_at: START, latest_position: '1', latest_recorded_at: START, latest_figures: '["stale",[]]', latest_ids: '[null]' }], 1n);
    expect(held!.take(checkpoint, Date.parse(now), new Set())).toEqual(taken);

    // New events: a case opened, a sanction on it, and a sanction on a case already held.
    const log = harderLog();
    const opened = log.find((e) => e.type === 'CaseOpened')!;
    const imposed = log.find((e) => e.type === 'SanctionImposed')!;
    const caseId = randomUUID();
    const citizenRef = randomUUID();
    const stream = `citizen-case-${caseId}`;
    await store.appendToStream(stream, [
      { id: randomUUID(), type: 'CaseOpened', data: { ...(opened.data as object), caseId, citizenRef }, metadata: at(START + 300 * DAY) },
      { id: randomUUID(), type: 'SanctionImposed', data: { ...(imposed.data as object), sanctionId: randomUUID() }, metadata: at(START + 300 * DAY) },
    ]);
    const { position: last } = await store.appendToStream(imposed.streamName, [
      { id: randomUUID(), type: 'SanctionImposed', data: { ...(imposed.data as object), sanctionId: randomUUID() }, metadata: at(START + 301 * DAY) },
    ]);
    await waitForStableLog(store, last);
    // Before they are projected (folded from the log beside the held rows), and after.
    const ahead = await through();
    expect(ahead.held).toBe(ahead.read);
    expect(ahead.held).not.toBe(first.held);
    expect(await runner.catchUpTo(last)).toMatchObject({ parked: false });
    const after = await through();
    expect(after.held).toBe(after.read);
    expect(after.held).toContain(citizenRef);
    expect(holder.size).toBe(rows[0].cases + 1);
    // Reports at earlier positions from the same holder.
    for (const position of [positions[200], positions[positions.length - 1]]) {
      const old = await through(position);
      expect(old.held).toBe(old.read);
    }

    // Two reports at once, with events projected between their snapshots.
    const { position: later } = await store.appendToStream(stream, [
      { id: randomUUID(), type: 'SanctionImposed', data: { ...(imposed.data as object), sanctionId: randomUUID() }, metadata: at(START + 302 * DAY) },
    ]);
    await waitForStableLog(store, later);
    const concurrent = await Promise.all([through(), runner.catchUpTo(later).then(async (outcome) => ({ outcome, ...(await through()) }))]);
    expect(concurrent[1].outcome).toMatchObject({ parked: false });
    for (const answer of concurrent) expect(answer.held).toBe(answer.read);

    // A rebuild swaps new tables in: the holder reads them again.
    await rebuildProjections(store, database.pool, [citizenCasesProjection]);
    const rebuilt = await through();
    const reread = await dataSource.transaction('REPEATABLE READ', async (manager) => resident.refresh(manager, await runner.checkpoint()));
    expect(reread!.table).not.toBe(held!.table);
    expect(rebuilt.held).toBe(rebuilt.read);
    expect(rebuilt.held).toBe(reportJson(await computeSanctionReviewFromLog(store, PARAMETERS[0], now, BigInt(JSON.parse(rebuilt.held).header.basis.position))));
  });
});
