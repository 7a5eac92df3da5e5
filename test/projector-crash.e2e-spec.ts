import { randomUUID } from 'node:crypto';
import { createReadModelDataSource, migrateReadModels } from '@casetrail/case-read-models';
import { PostgresEventStore, type EventToAppend } from '@casetrail/event-store';
import { uuidv7 } from '@casetrail/platform';
import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import {
  assertProjectorBuilt,
  countRolledBack,
  openProjectorBatches,
  projectionPositions,
  startProjectorProcess,
} from './support/projector-process';
import { lastCommittedPosition } from './support/log-end';
import { compareWithCleanRebuild } from './support/read-model-comparison';

const CASES = 3000;

/** A case history of 6 events in the shapes the deciders write. */
function caseHistory(n: number): { stream: string; events: EventToAppend[] } {
  const caseId = randomUUID();
  const sanctionId = randomUUID();
  const at = `2023-0${1 + (n % 8)}-1${n % 10}T10:00:00.000Z`;
  const meta = { correlationId: `load-${n}`, causationId: null, actor: `caseworker-${n % 7}`, recordedAt: at, effectiveAt: at, schemaVersion: 1 };
  const event = (type: string, data: unknown): EventToAppend => ({ id: uuidv7(), type, data, metadata: meta });
  const amount = 100_000 + (n % 50) * 1_000;
  return {
    stream: `citizen-case-${caseId}`,
    events: [
      event('CaseOpened', {
        caseId,
        caseNumber: { value: `EMN-2023-${String(n).padStart(5, '0')}`, format: 'EMN', year: 2023, sequence: String(n), kle: null },
        citizenRef: randomUUID(),
        legalArea: 'AKTIVLOVEN',
        owningUnit: `Jobcenter ${['Nord', 'Syd', 'Vest'][n % 3]}`,
        openedOn: '2021-01-04',
      }),
      event('CitizenIdentified', { source: ['PRACTICE_SURVEY', 'OWN_METHODS', 'NATIONAL_EXTRACT'][n % 3], identifiedOn: '2023-05-01', note: null }),
      event('SanctionImposed', {
        sanctionId,
        sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
        legalBasis: { law: 'aktivloven', paragraph: '40 a', subsection: '1', version: 'aktivloven § 40 a, 2014–2025' },
        breachDate: '2021-02-01',
        period: { from: '2021-03-01', to: '2021-05-31' },
        amountDeductedOre: amount,
        decidedOn: '2021-02-15',
      }),
      event('SanctionReviewed', { sanctionId, outcome: n % 2 ? 'ERROR' : 'CORRECT', errorCategories: n % 2 ? ['MISSING_HEARING_OF_PARTY'] : [], wouldChangeOnAppeal: n % 2 === 1, reviewer: 'jurist-1', reviewedOn: '2023-06-01' }),
      event('AppealLodged', { appealId: randomUUID(), sanctionIds: [sanctionId], lodgedOn: '2021-03-01' }),
      event('CaseClosed', { reason: 'REVIEW_COMPLETED', closedOn: '2023-07-01' }),
    ],
  };
}

/**
 * The projector process killed hard (SIGKILL) again and again while it catches up on a large log:
 * afterwards every read model equals one rebuilt from scratch, row for row.
 */
describe('projector killed hard during catch-up', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    assertProjectorBuilt();
    database = await createTestDatabase();
    store = await PostgresEventStore.create(database.pool);
    const dataSource = createReadModelDataSource(database.url);
    await dataSource.initialize();
    await migrateReadModels(dataSource);
    await dataSource.destroy();
    const histories = Array.from({ length: CASES }, (_, n) => caseHistory(n));
    for (let i = 0; i < histories.length; i += 50) {
      await Promise.all(histories.slice(i, i + 50).map((h) => store.appendToStream(h.stream, h.events, { expectedRevision: 'no_stream' })));
    }
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('ends with read models equal to a clean rebuild, however often it was killed', async () => {
    const end = await lastCommittedPosition(database.pool);
    let kills = 0;
    let killedMidway = 0;
    let midBatch = 0;
    let batchesRolledBack = 0;
    for (let attempt = 0; attempt < 60; attempt++) {
      const before = await progress();
      if (before.every((p) => p >= end)) break;
      const projector = startProjectorProcess(database.url);
      const quiet = attempt >= 12;
      if (quiet) {
        await waitUntil(async () => (await progress()).every((p) => p >= end), 60_000);
        await projector.stop();
      } else {
        // Kill while it is applying: as soon as a checkpoint has moved, after a random moment more.
        await waitUntil(async () => (await progress()).some((p, i) => p > before[i]), 60_000, 5);
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 120)));
        const open = await openProjectorBatches(database.pool);
        await projector.kill();
        kills++;
        const cutOff = await countRolledBack(database.pool, open);
        batchesRolledBack += cutOff;
        if (cutOff > 0) midBatch++;
      }
      const after = await progress();
      if (!quiet && after.some((p, i) => p > before[i]) && after.some((p) => p < end)) killedMidway++;
    }
    expect(kills).toBeGreaterThanOrEqual(8);
    expect(killedMidway).toBeGreaterThanOrEqual(3);
    expect((await progress()).every((p) => p >= end)).toBe(true);

    const { projected, rebuilt, rowsCompared, differences, eventsApplied } = await compareWithCleanRebuild(store, database.pool);
    process.stdout.write(
      `projector crash during catch-up: kills ${kills} (${midBatch} mid-batch, ${killedMidway} mid-catch-up; ${batchesRolledBack} batches rolled back), events ${CASES * 6}, ` +
        `read-model rows compared ${rowsCompared}, differences ${differences}\n`,
    );
    expect(projected.case_summary).toHaveLength(CASES);
    for (const table of Object.keys(rebuilt)) expect({ table, rows: projected[table] }).toEqual({ table, rows: rebuilt[table] });
    expect(differences).toBe(0);
    for (const [projection, counts] of Object.entries(eventsApplied)) expect({ projection, applied: counts.projected }).toEqual({ projection, applied: counts.rebuilt });
  }, 180_000);

  function progress(): Promise<bigint[]> {
    return projectionPositions(database.pool);
  }
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
