import { writeFile } from 'node:fs/promises';
import type { ServerInfo } from '../shared/bench-database';
import type { MachineInfo } from '../shared/machine-info';
import { markdownTable, textTable, type Column } from '../shared/table';
import type { StreamKindCount } from './load-events';
import type { RebuildTimings } from '@casetrail/case-read-models';
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

export interface ProjectionRow {
  readonly projection: string;
  /** Events the projection's filter gave to it (its `eventsApplied`). */
  readonly eventsSeen: number;
  /** Its folding and row making while the log was read. */
  readonly applySeconds: number;
  readonly rows: Readonly<Record<string, number>>;
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
  readonly timings: RebuildTimings;
  readonly targetEventsPerSecond: number;
}

const COLUMNS: readonly Column[] = [
  { title: 'Step', align: 'left' },
  { title: 'Log events', align: 'right' },
  { title: 'Seconds', align: 'right' },
  { title: 'Log events/s', align: 'right' },
  { title: 'Node CPU s', align: 'right' },
  { title: 'PostgreSQL CPU s', align: 'right' },
  { title: 'Other processes CPU s', align: 'right' },
  { title: 'Our CPU µs/log event', align: 'right' },
];

const STEP_COLUMNS: readonly Column[] = [
  { title: 'Step', align: 'left' },
  { title: 'Seconds', align: 'right' },
  { title: 'What it is', align: 'left' },
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
    'Where the rebuild\'s wall time goes:',
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
      'Where the rebuild\'s wall time goes:',
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
    'Rebuild: rebuildProjections with every projection in PROJECTIONS, as `npm run projections:rebuild` does: one read of the log in pages of 10,000 (the next page read while the projections work on this one), rows that are final streamed to shadow tables with COPY, rows that later events replace held in memory and written once with COPY, then the indexes built, a catch-up through the ordinary runner and the swap.',
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
      ...cpu(raw),
    ]),
    ['rebuild, all projections', integer(logEvents), report.rebuild.seconds.toFixed(1), integer(report.rebuild.eventsPerSecond), ...cpu(report.rebuild)],
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
  const { timings } = report;
  const rows = (projection: ProjectionRow) =>
    Object.entries(projection.rows)
      .map(([table, count]) => `${table} ${integer(count)}`)
      .join(', ');
  return [
    ['waiting for the next page of the log', timings.read.toFixed(1), 'readAll through the port, one page ahead'],
    ...report.projections.map((p) => [
      `${p.projection}: fold and make rows`,
      p.applySeconds.toFixed(1),
      `${integer(p.eventsSeen)} events; rows: ${rows(p)}`,
    ]),
    ['waiting for COPY to take streamed rows', timings.copyWait.toFixed(1), 'rows written once per event, each batch a COPY of its own, two in flight per table'],
    ['writing the rows held in memory', timings.write.toFixed(1), 'COPY of 20,000 rows at a time, two tables at a time'],
    ['building indexes and keys of the other tables', timings.index.toFixed(1), 'two at a time'],
    ['catching up and swapping in', timings.catchUp.toFixed(1), 'the ordinary runner on the shadow tables, the swap'],
  ];
}

function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
