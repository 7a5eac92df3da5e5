import { writeFile } from 'node:fs/promises';
import type { ServerInfo } from '../shared/bench-database';
import type { MachineInfo } from '../shared/machine-info';
import { markdownTable, textTable, type Column } from '../shared/table';
import type { StreamKindCount } from './load-events';
import type { ServerCpuSample } from './rebuild-timing';

/** Wall and CPU seconds of one measured step. */
export interface Phase {
  readonly seconds: number;
  readonly nodeCpuSeconds: number;
  /** Null when the server is not on this machine. */
  readonly serverCpuSeconds: number | null;
  /** The same by process role (differences over the phase). */
  readonly serverCpu: ServerCpuSample | null;
  /** CPU other processes on the machine took meanwhile (a shared machine disturbs the figures). */
  readonly otherCpuSeconds: number | null;
}

export interface RawReadRow extends Phase {
  readonly run: number;
  readonly events: number;
  readonly pages: number;
  readonly eventsPerSecond: number;
}

export interface ProjectionRow extends Phase {
  readonly projection: string;
  /** Events the projection's filter gave to it (its `eventsApplied`). */
  readonly eventsSeen: number;
  readonly logEventsPerSecond: number;
  readonly eventsSeenPerSecond: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly steps: {
    readonly read: number;
    readonly pages: number;
    readonly stateReads: number;
    readonly rowWrites: number;
    readonly nodeFold: number;
    readonly bookkeeping: number;
    readonly batches: number;
  };
}

export interface RebuildReport {
  readonly benchmark: 'rebuild';
  readonly generatedAt: string;
  readonly generator: {
    readonly seed: number;
    readonly events: number;
    readonly activeStreams: number;
    readonly sittingContinues: number;
    readonly streamKinds: readonly StreamKindCount[];
    readonly eventTypes: Readonly<Record<string, number>>;
    readonly averageRowJsonBytes: number;
  };
  readonly load: { readonly seconds: number; readonly eventsPerSecond: number; readonly tableBytes: number; readonly batch: number; readonly batchesPerTransaction: number };
  readonly readPage: number;
  readonly server: ServerInfo;
  readonly machine: MachineInfo;
  readonly rawReads: readonly RawReadRow[];
  /** Mean of the raw reads' events/s: the reference. */
  readonly rawEventsPerSecond: number;
  readonly projections: readonly ProjectionRow[];
  readonly rebuild: Phase & { readonly logEvents: number; readonly eventsPerSecond: number; readonly toRaw: number };
  readonly targetEventsPerSecond: number;
}

const COLUMNS: readonly Column[] = [
  { title: 'Step', align: 'left' },
  { title: 'Events seen', align: 'right' },
  { title: 'Seconds', align: 'right' },
  { title: 'Log events/s', align: 'right' },
  { title: 'Seen events/s', align: 'right' },
  { title: 'Node CPU s', align: 'right' },
  { title: 'PostgreSQL CPU s', align: 'right' },
  { title: 'Other processes CPU s', align: 'right' },
  { title: 'Our CPU µs/log event', align: 'right' },
];

const STEP_COLUMNS: readonly Column[] = [
  { title: 'Projection', align: 'left' },
  { title: 'Batches', align: 'right' },
  { title: 'Read (readAll) s', align: 'right' },
  { title: 'State SELECT s', align: 'right' },
  { title: 'Row writes s', align: 'right' },
  { title: 'Fold + rows in Node s', align: 'right' },
  { title: 'Runner bookkeeping s', align: 'right' },
  { title: 'PostgreSQL CPU: queries / autovacuum / other s', align: 'right' },
  { title: 'Rows written', align: 'left' },
];

export function printReport(report: RebuildReport): void {
  const lines = [
    'casetrail rebuild benchmark',
    ...describeSetup(report),
    '',
    textTable(COLUMNS, figureRows(report)),
    '',
    verdict(report),
    '',
    'Where the rebuild time goes:',
    textTable(STEP_COLUMNS, stepRows(report)),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

/** The figures as JSON, and as the Markdown section that `npm run bench` puts into BENCHMARKS.md. */
export async function writeReport(report: RebuildReport, jsonFile: string, markdownFile: string): Promise<void> {
  await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(
    markdownFile,
    [
      `Measured ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC.  `,
      ...describeSetup(report).map((line) => `${line}  `),
      '',
      markdownTable(COLUMNS, figureRows(report)),
      '',
      `${verdict(report)}`,
      '',
      'Where each rebuild spends its wall time (seconds):',
      '',
      markdownTable(STEP_COLUMNS, stepRows(report)),
      '',
    ].join('\n'),
  );
}

function describeSetup({ generator, load, server, machine, readPage }: RebuildReport): string[] {
  const total = generator.events;
  const kinds = generator.streamKinds
    .map((k) => `${k.kind} ${integer(k.streams)} streams / ${integer(k.events)} events (${percent(k.events / total)})`)
    .join(', ');
  return [
    `PostgreSQL ${server.version} (${server.source}): fsync=${server.fsync}, synchronous_commit=${server.synchronousCommit}, full_page_writes=${server.fullPageWrites}`,
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}`,
    `Log: ${integer(total)} generated events, seed ${generator.seed} (${generator.activeStreams.toLocaleString('en-US')} streams worked on at once, ` +
      `next event in the same stream with p=${generator.sittingContinues}); ${kinds}; ${integer(generator.averageRowJsonBytes)} B of JSON per event`,
    `Setup, not measured: bulk load in ${load.seconds.toFixed(1)} s (${integer(load.eventsPerSecond)} events/s, INSERT … jsonb_to_recordset of ${integer(load.batch)} rows, ` +
      `${load.batchesPerTransaction} per transaction), events table ${(load.tableBytes / 2 ** 20).toFixed(0)} MiB with indexes, then VACUUM ANALYZE and CHECKPOINT`,
    `Raw read: PostgresEventStore.readAll from 0 to the end in pages of ${integer(readPage)}, before and after the rebuild; the reference is their mean.`,
    'Rebuild: rebuildProjection for each projection in PROJECTIONS in turn (shadow tables, catch-up in pages of its default batch, swap), as `npm run projections:rebuild` does; each projection reads the whole log.',
    'CPU: Node is this process; PostgreSQL is all the server\'s processes (the queries, autovacuum, I/O workers, WAL writer, checkpointer); other processes is the rest of the machine\'s busy time meanwhile.',
  ];
}

function figureRows(report: RebuildReport): string[][] {
  const seconds = (value: number | null) => (value === null ? 'n/a' : value.toFixed(1));
  const logEvents = report.generator.events;
  const cpu = (phase: Phase) => [
    seconds(phase.nodeCpuSeconds),
    seconds(phase.serverCpuSeconds),
    seconds(phase.otherCpuSeconds),
    phase.serverCpuSeconds === null ? 'n/a' : integer(cpuPerEvent(phase, logEvents)),
  ];
  return [
    ...report.rawReads.map((raw) => [
      `raw read ${raw.run}`,
      integer(raw.events),
      raw.seconds.toFixed(1),
      integer(raw.eventsPerSecond),
      integer(raw.eventsPerSecond),
      ...cpu(raw),
    ]),
    ...report.projections.map((p) => [
      `rebuild ${p.projection}`,
      integer(p.eventsSeen),
      p.seconds.toFixed(1),
      integer(p.logEventsPerSecond),
      integer(p.eventsSeenPerSecond),
      ...cpu(p),
    ]),
    ['rebuild, all projections', integer(logEvents), report.rebuild.seconds.toFixed(1), integer(report.rebuild.eventsPerSecond), '', ...cpu(report.rebuild)],
  ];
}

function verdict(report: RebuildReport): string {
  const { rebuild, targetEventsPerSecond, rawEventsPerSecond, machine } = report;
  const met = rebuild.eventsPerSecond >= targetEventsPerSecond ? 'met' : 'missed';
  const figures =
    `Full rebuild: ${integer(rebuild.logEvents)} log events / ${rebuild.seconds.toFixed(1)} s = ${integer(rebuild.eventsPerSecond)} events/s ` +
    `(target ≥ ${integer(targetEventsPerSecond)}: ${met}); raw read ${integer(rawEventsPerSecond)} events/s; rebuild/raw read = ${rebuild.toRaw.toFixed(2)}.`;
  if (rebuild.serverCpuSeconds === null) return figures;
  const perEvent = cpuPerEvent(rebuild, rebuild.logEvents);
  return (
    `${figures} The rebuild costs ${integer(perEvent)} µs of CPU per log event (Node ${integer((rebuild.nodeCpuSeconds * 1e6) / rebuild.logEvents)}, ` +
    `PostgreSQL ${integer((rebuild.serverCpuSeconds * 1e6) / rebuild.logEvents)}): on ${machine.cores} cores doing nothing else, at most ` +
    `${integer((machine.cores * 1e6) / perEvent)} events/s.`
  );
}

/** Node and PostgreSQL CPU of a phase per log event, in µs: what the work costs, whatever else the machine runs. */
function cpuPerEvent(phase: Phase, events: number): number {
  return ((phase.nodeCpuSeconds + (phase.serverCpuSeconds ?? 0)) * 1e6) / events;
}

function stepRows(report: RebuildReport): string[][] {
  return report.projections.map((p) => [
    p.projection,
    integer(p.steps.batches),
    p.steps.read.toFixed(1),
    p.steps.stateReads.toFixed(1),
    p.steps.rowWrites.toFixed(1),
    p.steps.nodeFold.toFixed(1),
    p.steps.bookkeeping.toFixed(1),
    p.serverCpu ? [p.serverCpu.queries, p.serverCpu.autovacuum, p.serverCpu.background].map((v) => v.toFixed(1)).join(' / ') : 'n/a',
    Object.entries(p.rows)
      .map(([table, rows]) => `${table} ${integer(rows)}`)
      .join(', '),
  ]);
}

function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
