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
  readonly raw: Measurement;
  /** Port events/s divided by raw INSERT events/s. */
  readonly portToRaw: number;
}

export interface AppendReport {
  readonly benchmark: 'append';
  readonly generatedAt: string;
  readonly timing: Timing;
  readonly event: { readonly type: string; readonly dataBytes: number; readonly metadataBytes: number };
  readonly server: ServerInfo;
  readonly machine: MachineInfo;
  readonly rows: readonly AppendRow[];
}

const COLUMNS: readonly Column[] = [
  { title: 'Workload', align: 'left' },
  { title: 'Writers', align: 'right' },
  { title: 'Port appends', align: 'right' },
  { title: 'Port events/s', align: 'right' },
  { title: 'Raw INSERT events/s', align: 'right' },
  { title: 'Port/raw', align: 'right' },
  { title: 'Port p50 ms', align: 'right' },
  { title: 'Port p99 ms', align: 'right' },
];

export function printReport(report: AppendReport): void {
  const lines = ['casetrail append benchmark', ...describeSetup(report), '', textTable(COLUMNS, report.rows.map(rowCells)), ''];
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
  ].join('\n');
}

function describeSetup({ server, machine, timing, event }: AppendReport): string[] {
  return [
    `PostgreSQL ${server.version} (${server.source}): fsync=${server.fsync}, synchronous_commit=${server.synchronousCommit}, full_page_writes=${server.fullPageWrites}`,
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}`,
    `Port and raw alternate (port, raw, raw, port), each half: ${timing.warmupSeconds} s warm-up, then ${timing.measureSeconds / 2} s measured; one ${event.type} event per append ` +
      `(${event.dataBytes} B data, ${event.metadataBytes} B metadata as JSON); pool size = writers + 2`,
    'Port: PostgresEventStore.appendToStream; separate streams use the exact expected revision, the hot stream uses `any`.',
    'Raw: one autocommit INSERT of the same row into a heap table without indexes or constraints.',
  ];
}

function rowCells(row: AppendRow): string[] {
  return [
    row.workload,
    String(row.writers),
    integer(row.port.operations),
    integer(row.port.perSecond),
    integer(row.raw.perSecond),
    row.portToRaw.toFixed(2),
    row.port.latencyMs.p50.toFixed(2),
    row.port.latencyMs.p99.toFixed(2),
  ];
}

function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
