import { writeFile } from 'node:fs/promises';
import type { ServerInfo } from '../shared/bench-database';
import type { MachineInfo } from '../shared/machine-info';
import type { Measurement, Timing } from '../shared/measure';
import { markdownTable, textTable, type Column } from '../shared/table';
import type { Workload } from './append-writers';

export interface AppendRow {
  readonly workload: Workload;
  readonly writers: number;
  readonly port: Measurement;
  readonly emmett: Measurement;
  readonly raw: Measurement;
  /** Port events/s divided by raw INSERT events/s. */
  readonly portToRaw: number;
  readonly emmettToRaw: number;
  /** Port events/s divided by Emmett events/s: the target is ≥ 1 in every row. */
  readonly portToEmmett: number;
  /** Version conflicts Emmett's writers retried, per append that succeeded. */
  readonly emmettConflictsPerAppend: number;
}

export interface AppendReport {
  readonly benchmark: 'append';
  readonly generatedAt: string;
  readonly timing: Timing;
  readonly event: { readonly type: string; readonly dataBytes: number; readonly metadataBytes: number };
  readonly emmettVersion: string;
  readonly server: ServerInfo;
  readonly machine: MachineInfo;
  readonly rows: readonly AppendRow[];
}

const COLUMNS: readonly Column[] = [
  { title: 'Workload', align: 'left' },
  { title: 'Writers', align: 'right' },
  { title: 'Port events/s', align: 'right' },
  { title: 'Emmett events/s', align: 'right' },
  { title: 'Raw INSERT events/s', align: 'right' },
  { title: 'Port/raw', align: 'right' },
  { title: 'Emmett/raw', align: 'right' },
  { title: 'Port/Emmett', align: 'right' },
  { title: 'Port p50 / p99 ms', align: 'right' },
  { title: 'Emmett p50 / p99 ms', align: 'right' },
  { title: 'Raw p50 / p99 ms', align: 'right' },
  { title: 'Emmett retries per append', align: 'right' },
];

export function printReport(report: AppendReport): void {
  const lines = [
    'casetrail append benchmark',
    ...describeSetup(report),
    '',
    textTable(COLUMNS, report.rows.map(rowCells)),
    '',
    verdict(report.rows),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

/** The figures as JSON, and as the Markdown section that `npm run bench` puts into BENCHMARKS.md. */
export async function writeReport(report: AppendReport, jsonFile: string, markdownFile: string): Promise<void> {
  await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdownFile, markdownSection(report));
}

function markdownSection(report: AppendReport): string {
  return [
    `Measured ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC.  `,
    ...describeSetup(report).map((line) => `${line}  `),
    '',
    markdownTable(COLUMNS, report.rows.map(rowCells)),
    '',
    verdict(report.rows),
    '',
  ].join('\n');
}

function describeSetup({ server, machine, timing, event, emmettVersion }: AppendReport): string[] {
  return [
    `PostgreSQL ${server.version} (${server.source}): fsync=${server.fsync}, synchronous_commit=${server.synchronousCommit}, full_page_writes=${server.fullPageWrites}`,
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}`,
    `Port, Emmett and raw take turns in one database (port, Emmett, raw, raw, Emmett, port), each turn: ${timing.warmupSeconds} s warm-up, then ${timing.measureSeconds / 2} s measured, ` +
      `on a pool of its own (size = writers + 2); one ${event.type} event per append (${event.dataBytes} B data, ${event.metadataBytes} B metadata as JSON)`,
    'Port: PostgresEventStore.appendToStream; separate streams use the exact expected revision, the hot stream uses `any`.',
    `Emmett: @event-driven-io/emmett-postgresql ${emmettVersion}, getPostgreSQLEventStore with no projections, schema created before timing; appendToStream with the exact expectedStreamVersion on separate streams, ` +
      'NO_CONCURRENCY_CHECK on the hot stream, where an append that loses the race for the stream row fails with a version conflict and its writer retries at once.',
    'Raw: one autocommit INSERT of the same row into a heap table without indexes or constraints.',
  ];
}

/** Whether the port kept up with Emmett in every row, and where it came closest. */
function verdict(rows: readonly AppendRow[]): string {
  if (rows.length === 0) return 'No rows measured.';
  const closest = rows.reduce((a, b) => (b.portToEmmett < a.portToEmmett ? b : a));
  const met = closest.portToEmmett >= 1;
  return (
    `Target port/Emmett ≥ 1.00 at every concurrency measured: ${met ? 'met' : 'missed'}; ` +
    `lowest ${closest.portToEmmett.toFixed(2)} (${closest.workload}, ${closest.writers} writer${closest.writers === 1 ? '' : 's'}).`
  );
}

function rowCells(row: AppendRow): string[] {
  return [
    row.workload,
    String(row.writers),
    integer(row.port.perSecond),
    integer(row.emmett.perSecond),
    integer(row.raw.perSecond),
    row.portToRaw.toFixed(2),
    row.emmettToRaw.toFixed(2),
    row.portToEmmett.toFixed(2),
    latencies(row.port),
    latencies(row.emmett),
    latencies(row.raw),
    row.emmettConflictsPerAppend.toFixed(2),
  ];
}

function latencies(measurement: Measurement): string {
  return `${measurement.latencyMs.p50.toFixed(2)} / ${measurement.latencyMs.p99.toFixed(2)}`;
}

function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
