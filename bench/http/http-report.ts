import { writeFile } from 'node:fs/promises';
import type { ServerInfo } from '../shared/bench-database';
import type { MachineInfo } from '../shared/machine-info';
import { markdownTable, textTable, type Column } from '../shared/table';
import type { ProjectorPlacement } from './api-processes';
import { REFERENCE, type LoadResult, type WorkloadId } from './load-spec';
import type { CpuUse } from './process-cpu';

export interface HttpRow {
  readonly workload: WorkloadId;
  /** Requested requests a second; null: unthrottled. */
  readonly rate: number | null;
  readonly result: LoadResult;
  readonly cpu: CpuUse;
}

export interface HttpReport {
  readonly benchmark: 'http';
  readonly generatedAt: string;
  readonly server: ServerInfo;
  readonly machine: MachineInfo;
  readonly settings: {
    readonly seconds: number;
    readonly warmupSeconds: number;
    readonly primeSeconds: number;
    readonly connections: number;
    readonly phases: number;
    readonly projector: ProjectorPlacement;
    /** The API's configuration variables, keys left out. */
    readonly configuration: Readonly<Record<string, string>>;
  };
  /** Every run, the reference included. */
  readonly rows: readonly HttpRow[];
  readonly target: { readonly rate: number; readonly p99Ms: number };
}

/** Other processes' CPU (cores) from which a run at the target rate is said to be shared with them. */
const CONTENDED_CORES = 0.1;

const WORKLOAD_TITLES: Record<WorkloadId, string> = {
  preflight: 'CORS preflight (reference)',
  health: 'GET /health (readiness)',
  'open-case': 'open a case',
  'case-life': 'case life (4 commands)',
};

const RATED: readonly Column[] = [
  { title: 'Workload', align: 'left' },
  { title: 'Requested/s', align: 'right' },
  { title: 'Achieved/s', align: 'right' },
  { title: 'Achieved/requested', align: 'right' },
  { title: 'p50 ms', align: 'right' },
  { title: 'p99 ms', align: 'right' },
  { title: 'Non-2xx', align: 'right' },
  { title: 'Reference p50 ms', align: 'right' },
  { title: 'Reference p99 ms', align: 'right' },
  { title: 'p99/reference p99', align: 'right' },
];

const UNTHROTTLED: readonly Column[] = [
  { title: 'Workload', align: 'left' },
  { title: 'Connections', align: 'right' },
  { title: 'Requests/s', align: 'right' },
  { title: 'p50 ms', align: 'right' },
  { title: 'p99 ms', align: 'right' },
  { title: 'Non-2xx', align: 'right' },
  { title: 'Reference requests/s', align: 'right' },
  { title: 'Requests/s ÷ reference', align: 'right' },
];

const CPU: readonly Column[] = [
  { title: 'Workload', align: 'left' },
  { title: 'Requested/s', align: 'right' },
  { title: 'API cores', align: 'right' },
  { title: 'Projector cores', align: 'right' },
  { title: 'PostgreSQL cores', align: 'right' },
  { title: 'Load generator cores', align: 'right' },
  { title: 'Other cores', align: 'right' },
  { title: 'API CPU ms/request', align: 'right' },
  { title: 'PostgreSQL CPU ms/request', align: 'right' },
];

export function printReport(report: HttpReport): void {
  const lines = [
    'casetrail HTTP benchmark',
    ...describeSetup(report),
    '',
    textTable(RATED, ratedRows(report)),
    '',
    textTable(UNTHROTTLED, unthrottledRows(report)),
    '',
    textTable(CPU, cpuRows(report)),
    '',
    ...conclusions(report),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

/** The figures as JSON, and as the Markdown section that `npm run bench` puts into BENCHMARKS.md. */
export async function writeReport(report: HttpReport, jsonFile: string, markdownFile: string): Promise<void> {
  await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  const unthrottled = unthrottledRows(report);
  const markdown = [
    `Measured ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC.  `,
    ...describeSetup(report).map((line) => `${line}  `),
    '',
    markdownTable(RATED, ratedRows(report)),
    '',
    ...(unthrottled.length > 0 ? ['Unthrottled (as fast as the API answers):', '', markdownTable(UNTHROTTLED, unthrottled), ''] : []),
    'CPU during each measured window (cores = CPU seconds per second):',
    '',
    markdownTable(CPU, cpuRows(report)),
    '',
    ...conclusions(report).map((line) => `${line}  `),
    '',
  ];
  await writeFile(markdownFile, markdown.join('\n'));
}

function describeSetup({ server, machine, settings }: HttpReport): string[] {
  const config = Object.entries(settings.configuration)
    .filter(([name]) => !['HOST', 'PORT'].includes(name))
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  const projector = { process: 'the projector in a process of its own', api: 'the projector inside the API process', none: 'no projector running' }[settings.projector];
  return [
    `PostgreSQL ${server.version} (${server.source}): fsync=${server.fsync}, synchronous_commit=${server.synchronousCommit}, full_page_writes=${server.fullPageWrites}`,
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}; API, projector, PostgreSQL and load generator share them`,
    `API: \`node dist/apps/api/src/main.js\`, ${projector}; ${config} (all load comes from one user)`,
    `Load: autocannon in a process of its own, ${settings.connections} connections over ${settings.phases} instances started ${(1000 / settings.phases).toFixed(1)} ms apart; ` +
      `first each workload unthrottled for ${settings.primeSeconds} s (not measured), then each run ${settings.warmupSeconds} s warm-up and ${settings.seconds} s measured; ` +
      'latency of every 2xx answer (request written to answer read)',
    'Reference: the same load on `OPTIONS /citizen-cases` from an allowed origin, the CORS preflight, which the HTTP layer answers (204, security headers) before routing, token check or database',
    'Commands: open a case = `POST /citizen-cases`, a new citizen and case number each time; case life = open a case, impose a sanction, record a discovery, review the sanction, each follow-up with `If-Match`',
  ];
}

function ratedRows(report: HttpReport): string[][] {
  return report.rows
    .filter((row) => row.rate !== null)
    .map((row) => {
      const reference = referenceFor(report, row.rate);
      const { result } = row;
      return [
        WORKLOAD_TITLES[row.workload],
        integer(row.rate as number),
        integer(result.achievedPerSecond),
        (result.achievedPerSecond / (row.rate as number)).toFixed(2),
        ms(result.latencyMs.p50),
        `${ms(result.latencyMs.p99)}${valid(result) ? '' : ' (invalid)'}`,
        failures(result),
        reference ? ms(reference.latencyMs.p50) : '',
        reference ? `${ms(reference.latencyMs.p99)}${valid(reference) ? '' : ' (invalid)'}` : '',
        reference ? (result.latencyMs.p99 / reference.latencyMs.p99).toFixed(2) : '',
      ];
    });
}

function unthrottledRows(report: HttpReport): string[][] {
  const reference = referenceFor(report, null);
  return report.rows
    .filter((row) => row.rate === null)
    .map(({ workload, result }) => [
      WORKLOAD_TITLES[workload],
      String(result.spec.connections),
      integer(result.achievedPerSecond),
      ms(result.latencyMs.p50),
      ms(result.latencyMs.p99),
      failures(result),
      reference ? integer(reference.achievedPerSecond) : '',
      reference ? (result.achievedPerSecond / reference.achievedPerSecond).toFixed(2) : '',
    ]);
}

function cpuRows(report: HttpReport): string[][] {
  return report.rows.map(({ workload, rate, result, cpu }) => {
    const cores = (seconds: number | null) => (seconds === null ? '' : (seconds / result.seconds).toFixed(2));
    const perRequest = (seconds: number | null) => (seconds === null || result.responses === 0 ? '' : ((seconds * 1000) / result.responses).toFixed(2));
    return [
      WORKLOAD_TITLES[workload],
      rate === null ? 'max' : integer(rate),
      cores(cpu.api),
      cores(cpu.projector),
      cores(cpu.postgres),
      cores(cpu.loadGenerator),
      cores(cpu.other),
      perRequest(cpu.api),
      perRequest(cpu.postgres),
    ];
  });
}

function conclusions(report: HttpReport): string[] {
  const { rate, p99Ms } = report.target;
  const lines: string[] = [];
  for (const row of report.rows.filter((r) => r.rate === rate && r.workload !== REFERENCE && r.workload !== 'health')) {
    const { result, cpu } = row;
    const met = valid(result) && result.latencyMs.p99 < p99Ms && result.achievedPerSecond >= 0.95 * rate;
    const others = (cpu.other ?? 0) / result.seconds;
    lines.push(
      `Target, ${WORKLOAD_TITLES[row.workload]} at ${rate} commands/s: p99 ${ms(result.latencyMs.p99)} ms at ${integer(result.achievedPerSecond)} achieved/s, ` +
        `${failures(result)} non-2xx (target p99 < ${p99Ms} ms with every request answered 2xx: ${met ? 'met' : 'missed'})` +
        `${others >= CONTENDED_CORES ? `; other processes (this benchmark's own among them) took ${others.toFixed(2)} cores meanwhile, so this figure may not be the API's alone` : ''}.`,
    );
    const steps = Object.entries(result.byStep);
    if (steps.length > 0) lines.push(`By command at ${rate}/s, p50 / p99 ms: ${steps.map(([step, s]) => `${step} ${ms(s.p50)} / ${ms(s.p99)}`).join(', ')}.`);
  }
  if (!report.rows.some((r) => r.rate === rate)) lines.push(`Target (p99 < ${p99Ms} ms at ${rate} commands/s): not measured in this run (BENCH_RATES).`);
  const invalid = report.rows.filter((row) => !valid(row.result));
  if (invalid.length > 0) {
    lines.push(`(invalid): not every request got a 2xx: ${invalid.map((row) => `${row.workload} at ${row.rate ?? 'max'}/s ${JSON.stringify(row.result.statusCodes)}, ${row.result.errors} errors, e.g. ${row.result.refusals.join('; ') || 'no answer'}`).join(' · ')}`);
  }
  return lines;
}

function referenceFor(report: HttpReport, rate: number | null): LoadResult | undefined {
  return report.rows.find((row) => row.workload === REFERENCE && row.rate === rate)?.result;
}

/** A figure counts only when every request got a 2xx answer. */
export function valid(result: LoadResult): boolean {
  return result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
}

function failures(result: LoadResult): string {
  const count = result.non2xx + result.errors;
  return integer(count);
}

function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '–';
}
