import { writeFile } from 'node:fs/promises';
import type { ServerInfo } from '../shared/bench-database';
import type { MachineInfo } from '../shared/machine-info';
import { markdownTable, textTable, type Column } from '../shared/table';

export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface ReportRow {
  readonly report: string;
  readonly timing: Timing;
  /** What the reference is: a plain read of the table the report reads, in the same run. */
  readonly reference: string;
  readonly referenceTiming: Timing;
}

export interface DataSet {
  readonly events: number;
  readonly citizenCaseStreams: number;
  readonly citizenCaseEvents: number;
  readonly recordedFrom: string;
  readonly recordedTo: string;
  readonly knownOnMiddle: string;
  readonly versionRows: number;
  readonly versionRowsWithSummary: number;
  readonly versionTableBytes: number;
  readonly sanctionRegisterRows: number;
  readonly appealsRegisterRows: number;
  readonly extractCitizens: number;
  readonly projectionSeconds: number;
}

export interface ReportsReport {
  readonly benchmark: 'reports';
  readonly generatedAt: string;
  readonly seed: number;
  readonly runs: number;
  readonly warmup: number;
  readonly targetMs: number;
  readonly dataSet: DataSet;
  readonly server: ServerInfo;
  readonly machine: MachineInfo;
  readonly rows: readonly ReportRow[];
}

const COLUMNS: Column[] = [
  { title: 'Report', align: 'left' },
  { title: 'Runs', align: 'right' },
  { title: 'Median ms', align: 'right' },
  { title: 'p99 ms', align: 'right' },
  { title: 'Reference', align: 'left' },
  { title: 'Reference median ms', align: 'right' },
  { title: 'Ratio (median)', align: 'right' },
  { title: 'Under 1 s (p99)', align: 'right' },
];

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => (value >= 100 ? n(value) : value.toFixed(1));

function cells(report: ReportsReport): string[][] {
  return report.rows.map((row) => [
    row.report,
    String(row.timing.runs),
    ms(row.timing.medianMs),
    ms(row.timing.p99Ms),
    row.reference,
    ms(row.referenceTiming.medianMs),
    (row.timing.medianMs / row.referenceTiming.medianMs).toFixed(1),
    row.timing.p99Ms < report.targetMs ? 'yes' : 'no',
  ]);
}

function setup(report: ReportsReport): string[] {
  const d = report.dataSet;
  const m = report.machine;
  return [
    `PostgreSQL ${report.server.version} (${report.server.source}): fsync=${report.server.fsync}, synchronous_commit=${report.server.synchronousCommit}`,
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}`,
    `Log: ${n(d.events)} generated events, seed ${report.seed} (the rebuild benchmark's generator), recorded ${d.recordedFrom.slice(0, 10)} to ${d.recordedTo.slice(0, 10)}; ` +
      `${n(d.citizenCaseStreams)} citizen-case streams with ${n(d.citizenCaseEvents)} events`,
    `Read models: the citizen-cases projection caught up by ProjectionRunner in pages of 5,000 (setup, not measured: ${d.projectionSeconds.toFixed(1)} s); ` +
      `sanction_review_versions ${n(d.versionRows)} rows, sanction_review_summaries ${n(d.versionRowsWithSummary)} (the three sanction_review_ tables ${(d.versionTableBytes / 2 ** 20).toFixed(0)} MiB with indexes), ` +
      `sanction_register ${n(d.sanctionRegisterRows)}, appeals_register ${n(d.appealsRegisterRows)}; a synthetic STAR extract of ${n(d.extractCitizens)} citizens imported`,
    `Each report through its query handler, as the API calls it, and serialised (canonical JSON for the sanction review), ${report.runs} runs after ${report.warmup} warm-up runs ` +
      `(the sanction review's handler holds the case rows in memory, as the API's does: the first warm-up run reads them all, each later run brings them up to date; ` +
      `the row "the first in a process" gives each run a new handler, the last row has the log move on between runs); ` +
      `the reference, a plain read of the table the report reads (the sanction review: every case's latest figures as stored; the others: SELECT count(*)), the same way in the same run. Target: under ${n(report.targetMs)} ms`,
  ];
}

export function printReport(report: ReportsReport): void {
  process.stdout.write(['casetrail reports benchmark', ...setup(report), '', textTable(COLUMNS, cells(report)), ''].join('\n'));
}

export async function writeReport(report: ReportsReport, jsonFile: string, markdownFile: string): Promise<void> {
  await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  const markdown = [
    `Measured ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC.  `,
    ...setup(report).map((line) => `${line}  `),
    '',
    markdownTable(COLUMNS, cells(report)),
    '',
  ].join('\n');
  await writeFile(markdownFile, markdown);
}
