import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { citizenCase } from '@casetrail/case-management';
import { PostgresEventStore, foldStream, type EventToAppend } from '@casetrail/event-store';
import { JsonLogger, createPostgresPool, uuidv7 } from '@casetrail/platform';
import { openBenchDatabase } from '../shared/bench-database';
import { machineInfo } from '../shared/machine-info';
import { markdownTable, textTable, type Column } from '../shared/table';

const EVENTS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const AS_OF_REVISION = 900;
const logger = new JsonLogger('warn', 'bench-replay', (line) => process.stderr.write(line));

/** A citizen case of 1,000 events: sanctions, reviews, discoveries and repayments, as the deciders write them. */
function caseOfThousandEvents(caseId: string): EventToAppend[] {
  const at = (n: number) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString();
  const event = (n: number, type: string, data: unknown): EventToAppend => ({
    id: uuidv7(),
    type,
    data,
    metadata: { correlationId: randomUUID(), causationId: null, actor: 'caseworker-1', recordedAt: at(n), effectiveAt: at(n), schemaVersion: 1 },
  });
  const events = [
    event(0, 'CaseOpened', {
      caseId,
      caseNumber: { value: '24-1-15.20.00-P27', format: 'KLE', year: 2024, sequence: '1', kle: { subject: '15.20.00', facet: 'P27' } },
      citizenRef: randomUUID(),
      legalArea: 'AKTIVLOVEN',
      owningUnit: 'Jobcenter Nord',
      openedOn: '2021-01-01',
    }),
  ];
  for (let n = 1; events.length < EVENTS; n++) {
    const sanctionId = randomUUID();
    events.push(
      event(n, 'SanctionImposed', {
        sanctionId,
        sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
        legalBasis: { law: 'aktivloven', paragraph: '40 a', subsection: '1', version: 'aktivloven § 40 a, 2014–2025' },
        breachDate: '2021-02-01',
        period: { from: '2021-03-01', to: '2021-05-31' },
        amountDeductedOre: 150_000 + n,
        decidedOn: '2021-02-15',
      }),
      event(n, 'SanctionReviewed', { sanctionId, outcome: 'ERROR', errorCategories: ['NO_CONCRETE_ASSESSMENT'], wouldChangeOnAppeal: true, reviewer: 'jurist-1', reviewedOn: '2023-06-01' }),
      event(n, 'RepaymentAssessed', { repaymentId: randomUUID(), sanctionIds: [sanctionId], amountOre: 100_000, assessedOn: '2023-06-10' }),
      event(n, 'CitizenIdentified', { source: 'OWN_METHODS', identifiedOn: '2023-05-01', note: null }),
    );
  }
  return events.slice(0, EVENTS);
}

function percentiles(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] };
}

async function time(work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Reconstructing one case of 1,000 events as of a revision (read the stream, keep the events up to
 * the revision, fold them with the write side's evolve), beside reading the same events raw.
 */
async function main(): Promise<void> {
  const database = await openBenchDatabase('bench_replay', logger);
  const pool = createPostgresPool(database.url, { max: 4 });
  try {
    const store = await PostgresEventStore.create(pool);
    const stream = `citizen-case-${randomUUID()}`;
    const events = caseOfThousandEvents(randomUUID());
    for (let i = 0; i < events.length; i += 100) await store.appendToStream(stream, events.slice(i, i + 100));
    const raw = percentiles(await time(() => store.readStream(stream)));
    let sanctions = 0;
    const asOf = percentiles(
      await time(async () => {
        const history = await store.readStream(stream);
        const state = foldStream(citizenCase, history.filter((e) => e.revision <= AS_OF_REVISION));
        sanctions = Object.keys(state.sanctions).length;
      }),
    );
    await store.close();
    const columns: Column[] = [
      { title: 'Operation (1,000-event case)', align: 'left' },
      { title: 'Median ms', align: 'right' },
      { title: 'p99 ms', align: 'right' },
      { title: 'Ratio to raw read (median)', align: 'right' },
    ];
    const rows = [
      ['read the stream raw (reference)', raw.median.toFixed(2), raw.p99.toFixed(2), '1.00'],
      [`state as of revision ${AS_OF_REVISION} (read + fold)`, asOf.median.toFixed(2), asOf.p99.toFixed(2), (asOf.median / raw.median).toFixed(2)],
    ];
    const machine = machineInfo();
    const setup = [
      `PostgreSQL ${database.server.version} (${database.server.source}); ${machine.cores} cores, Node ${machine.node}`,
      `${RUNS} runs after 20 warm-up runs; the folded state holds ${sanctions} sanctions`,
    ];
    process.stdout.write(['casetrail replay benchmark', ...setup, '', textTable(columns, rows), ''].join('\n'));
    const markdown = [`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.  `, ...setup.map((l) => `${l}  `), '', markdownTable(columns, rows), ''].join('\n');
    await writeFile(resolve(process.cwd(), 'bench/replay/results.md'), markdown);
    await writeFile(resolve(process.cwd(), 'bench/replay/results.json'), `${JSON.stringify({ benchmark: 'replay', runs: RUNS, raw, asOf }, null, 2)}\n`);
  } finally {
    await pool.end();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
