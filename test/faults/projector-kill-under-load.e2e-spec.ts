import { PROJECTIONS } from '@casetrail/case-read-models';
import { PostgresEventStore, type EventStore } from '@casetrail/event-store';
import { SeededRandom, type Role } from '@casetrail/platform';
import { syntheticCpr, waitFor } from '@casetrail/testing';
import { startTestApi, type TestApi, type TestResponse } from '../support/api-test-app';
import {
  assertProjectorBuilt,
  countRolledBack,
  openProjectorBatches,
  projectionPositions,
  startProjectorProcess,
  type ProjectorProcess,
} from '../support/projector-process';
import { compareWithCleanRebuild } from '../support/read-model-comparison';

const SCALE = Number(process.env.FAULT_SCALE ?? 1);
const KILLS = 8 * SCALE;
const WRITERS = 2;
/** FAULT_SEED=<seed> replays the kill moments and the commands of a run. */
const SEED = process.env.FAULT_SEED === undefined ? Math.floor(Math.random() * 2 ** 32) : Number(process.env.FAULT_SEED);
const KILL_AFTER_MS = { min: 50, max: 400 };

const CASEWORKER = { as: ['caseworker'] as Role[], subject: 'caseworker-7' };
const SECRETARY = { as: ['committee-secretary'] as Role[], subject: 'secretary-1' };
const committee = { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget', memberCount: 7 };

/** An event the API acknowledged: its stream and revision. */
type Acknowledged = `${string}@${number}`;

/**
 * Writers send commands through the HTTP API while the projector, a process of its own as in
 * production, is killed hard (SIGKILL) at random moments and started again. Once the writers stop and
 * a last projector reaches the end of the log, every read model equals a clean rebuild row for row,
 * and the audit trail holds every event of the log exactly once.
 */
describe('projector killed hard at random moments under write load', () => {
  let api: TestApi;
  let store: EventStore;
  const members: string[] = [];
  const projectors: ProjectorProcess[] = [];
  const startProjector = (): ProjectorProcess => {
    const projector = startProjectorProcess(api.database.url);
    projectors.push(projector);
    return projector;
  };

  beforeAll(async () => {
    assertProjectorBuilt();
    api = await startTestApi({ env: { PROJECTOR_IN_API: 'false' } });
    store = await PostgresEventStore.create(api.database.pool);
    for (const [name, party] of [['Kristine Henriksen', 'A'], ['Per Tærstøl', 'V'], ['Signe Ejersbo', 'F'], ['Michael Dorph Jensen', 'Ø'], ['Susanne Damsgaard', 'Æ']]) {
      const registered = await api.post('/committee-members', { name }, SECRETARY);
      expect(registered.statusCode).toBe(201);
      const membership = await api.post(`/committee-members/${registered.body.memberId}/party-memberships`, { party, from: '2022-01-01' }, SECRETARY);
      expect(membership.statusCode).toBe(200);
      members.push(registered.body.memberId);
    }
  });
  afterAll(async () => {
    // Any projector a failed run left behind: killing one that has exited does nothing.
    await Promise.all(projectors.map((projector) => projector.kill()));
    await store?.close();
    await api?.close();
  });

  it('ends with read models equal to a clean rebuild and every acknowledged event projected once', async () => {
    const random = new SeededRandom(SEED);
    const acknowledged = new Set<Acknowledged>();
    const refused: string[] = [];
    let lastPosition = 0n;
    let running = true;

    /** Sends one command; a 2xx is acknowledged with its events, anything else ends the writer's flow. */
    const send = async (url: string, body: unknown, as: typeof CASEWORKER): Promise<TestResponse | undefined> => {
      const response = await api.post(url, body, as);
      if (response.statusCode >= 300) {
        refused.push(`POST ${url}: ${response.statusCode} ${JSON.stringify(response.body)}`);
        return undefined;
      }
      const { streamName, revision, events, position } = response.body as { streamName: string; revision: number; events: string[]; position: string };
      events.forEach((_, i) => acknowledged.add(`${streamName}@${revision - events.length + 1 + i}`));
      if (BigInt(position) > lastPosition) lastPosition = BigInt(position);
      return response;
    };

    const citizenCase = async (n: number, prng: SeededRandom): Promise<void> => {
      const opened = await send('/citizen-cases', { caseNumber: `EMN-2023-${String(n).padStart(5, '0')}`, cpr: syntheticCpr(n % 39), legalArea: 'AKTIVLOVEN', owningUnit: prng.pick(['Jobcenter Nord', 'Jobcenter Syd']), openedOn: '2021-01-04' }, CASEWORKER);
      if (!opened) return;
      const at = `/citizen-cases/${opened.body.caseId}`;
      if (!(await send(`${at}/discoveries`, { source: prng.pick(['PRACTICE_SURVEY', 'OWN_METHODS', 'NATIONAL_EXTRACT']), identifiedOn: '2023-05-10' }, CASEWORKER))) return;
      const amount = 100_000 + prng.int(0, 50) * 1_000;
      const imposed = await send(`${at}/sanctions`, { sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY', breachDate: '2021-03-01', period: { from: '2021-04-01', to: '2021-06-30' }, amountDeductedOre: amount, decidedOn: '2021-03-15' }, CASEWORKER);
      if (!imposed) return;
      const sanctionId = imposed.body.sanctionId;
      const inError = prng.chance(0.5);
      const review = inError
        ? { outcome: 'ERROR', errorCategories: ['MISSING_HEARING_OF_PARTY'], wouldChangeOnAppeal: true, reviewer: 'legal-audit-1', reviewedOn: '2023-06-01' }
        : { outcome: 'CORRECT', errorCategories: [], wouldChangeOnAppeal: false, reviewer: 'legal-audit-1', reviewedOn: '2023-06-01' };
      if (!(await send(`${at}/sanctions/${sanctionId}/reviews`, review, CASEWORKER))) return;
      if (inError) {
        const assessed = await send(`${at}/repayments`, { sanctionIds: [sanctionId], amountOre: amount, assessedOn: '2023-07-01' }, CASEWORKER);
        if (!assessed || !(await send(`${at}/repayments/${assessed.body.repaymentId}/schedule`, { scheduledFor: '2023-07-14' }, CASEWORKER))) return;
        if (!(await send(`${at}/repayments/${assessed.body.repaymentId}/issue`, { issuedOn: '2023-07-14' }, CASEWORKER))) return;
      }
      if (prng.chance(0.5)) {
        const lodged = await send(`${at}/appeals`, { sanctionIds: [sanctionId], lodgedOn: '2021-04-01' }, CASEWORKER);
        if (!lodged || !(await send(`${at}/appeals/${lodged.body.appealId}/decision`, { outcome: prng.pick(['STADFAESTET', 'OPHAEVET']), decidedOn: '2021-09-01' }, CASEWORKER))) return;
      }
      await send(`${at}/closure`, { reason: 'REVIEW_COMPLETED', closedOn: '2023-08-01' }, CASEWORKER);
    };

    const committeeItem = async (n: number): Promise<void> => {
      const opened = await send('/committee-items', { caseNumber: '24-1-15.20.00-P27', committee, meetingDate: '2025-01-14', itemNumber: n, title: `Punkt ${n}`, closed: n % 5 === 0 }, SECRETARY);
      if (!opened) return;
      const at = `/committee-items/${opened.body.itemId}`;
      const recommendation = { originators: ['Jobcenter'], addressee: 'Beskæftigelsesudvalget', points: [{ number: 1, text: 'at indstillingen tiltrædes' }], kind: 'DECISION' };
      if (!(await send(`${at}/recommendation`, recommendation, SECRETARY))) return;
      const entries = members.map((memberId) => ({ memberId, status: 'PRESENT', absenceNotice: false }));
      if (!(await send(`${at}/attendance`, { entries }, SECRETARY))) return;
      for (const [i, memberId] of members.entries()) {
        if (!(await send(`${at}/votes`, { memberId, vote: i < 3 ? 'FOR' : 'AGAINST' }, SECRETARY))) return;
      }
      await send(`${at}/decision`, { outcome: 'ENDORSED', text: 'Tiltrådt.' }, SECRETARY);
    };

    let flows = 0;
    const writer = async (w: number): Promise<void> => {
      const prng = new SeededRandom(SEED + w + 1);
      while (running) {
        const n = ++flows;
        await (prng.chance(0.25) ? committeeItem(n) : citizenCase(n, prng));
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));

    // A standby projector boots beside the active one and waits on the projector lock, as a second
    // replica would in production; each kill hands the work to it, and a new standby starts.
    let active = startProjector();
    let kills = 0;
    let aimed = 0;
    let midBatch = 0;
    let batchesRolledBack = 0;
    try {
      // Kills go on past KILLS, aimed, until one has cut a batch off (a bounded number more).
      for (; kills < KILLS || (midBatch === 0 && kills < 3 * KILLS); kills++) {
        const before = await projectionPositions(api.database.pool);
        await waitFor(
          'the projector to apply a batch',
          async () => ((await projectionPositions(api.database.pool)).some((p, i) => p > before[i]) ? true : undefined),
          { timeoutMs: 30_000, intervalMs: 5 },
        );
        const standby = startProjector();
        // The random moment itself is the test's input: nothing to await but time.
        await new Promise((r) => setTimeout(r, random.int(KILL_AFTER_MS.min, KILL_AFTER_MS.max)));
        // Every other kill (and each extra one) waits, from there, for a batch to be open.
        let open = await openProjectorBatches(api.database.pool);
        if (kills % 2 === 1 || kills >= KILLS) {
          aimed++;
          const probe = async () => {
            const xids = await openProjectorBatches(api.database.pool);
            return xids.length > 0 ? xids : undefined;
          };
          open = await waitFor('a batch to be open', probe, { timeoutMs: 5_000, intervalMs: 1 }).catch(() => open);
        }
        await active.kill();
        const cutOff = await countRolledBack(api.database.pool, open);
        batchesRolledBack += cutOff;
        if (cutOff > 0) midBatch++;
        active = standby;
      }
    } finally {
      running = false;
      await Promise.all(writers);
    }
    expect({ refused: refused.length, first: refused.slice(0, 3) }).toEqual({ refused: 0, first: [] });

    try {
      await waitFor(
        'the last projector to reach the last acknowledged write',
        async () => ((await projectionPositions(api.database.pool)).every((p) => p >= lastPosition) ? true : undefined),
        { timeoutMs: 60_000 },
      );
    } finally {
      await active.stop();
    }

    const logged = await auditedEventsInLog(lastPosition);
    const { rows: trail } = await api.database.pool.query<{ position: string; stream_name: string; revision: number }>(
      'SELECT position::text AS position, stream_name, revision FROM read_model.audit_trail ORDER BY audit_trail.position',
    );
    const { projected, rebuilt, rowsCompared, differences, eventsApplied } = await compareWithCleanRebuild(store, api.database.pool);
    process.stdout.write(
      `projector kill under load (seed ${SEED}): kills ${kills} (${midBatch} mid-batch, ${aimed} aimed at an open batch; ${batchesRolledBack} batches rolled back), events ${logged.length} (${acknowledged.size} acknowledged), ` +
        `read-model rows compared ${rowsCompared}, differences ${differences}\n`,
    );

    expect(kills).toBeGreaterThanOrEqual(8);
    expect(midBatch).toBeGreaterThan(0);
    // No event lost or applied twice: the audit trail is the log, position for position.
    expect(trail.map((row) => row.position)).toEqual(logged.map((event) => event.position.toString()));
    const projectedEvents = new Set(trail.map((row) => `${row.stream_name}@${row.revision}`));
    expect([...acknowledged].filter((event) => !projectedEvents.has(event))).toEqual([]);
    for (const table of Object.keys(rebuilt)) expect({ table, rows: projected[table] }).toEqual({ table, rows: rebuilt[table] });
    expect(differences).toBe(0);
    for (const [projection, counts] of Object.entries(eventsApplied)) expect({ projection, applied: counts.projected }).toEqual({ projection, applied: counts.rebuilt });
    expect(eventsApplied['audit-trail'].projected).toBe(logged.length);
  }, 180_000 * SCALE);

  /** The events the audit trail follows, from the start of the log through `through`, waiting for any held back. */
  async function auditedEventsInLog(through: bigint): Promise<{ position: bigint }[]> {
    const filter = PROJECTIONS.find((p) => p.name === 'audit-trail')?.filter;
    const events: { position: bigint }[] = [];
    let after = 0n;
    while (after < through) {
      const page = await waitFor(
        'the global log to show the acknowledged writes',
        async () => {
          const read = await store.readAll({ after, maxCount: 5000, filter });
          return read.lastPosition > after ? read : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 10 },
      );
      events.push(...page.events.filter((e) => e.position <= through));
      after = page.lastPosition;
    }
    return events;
  }
});
