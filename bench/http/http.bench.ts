import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { JsonLogger, createPostgresPool } from '@casetrail/platform';
import { ServerCpu } from '../rebuild/rebuild-timing';
import { openBenchDatabase, type BenchDatabase } from '../shared/bench-database';
import { machineInfo } from '../shared/machine-info';
import { benchCpr, caseNumber } from './command-requests';
import { startApiProcesses, type ApiProcesses, type ProjectorPlacement } from './api-processes';
import { printReport, valid, writeReport, type HttpReport, type HttpRow } from './http-report';
import { MEASURING, REFERENCE, WORKLOADS, type LoadResult, type LoadSpec, type WorkloadId } from './load-spec';
import { CpuMeter, type CpuUse } from './process-cpu';

const RUNNER = resolve(process.cwd(), 'dist/bench/http/load-runner.js');
const TARGET = { rate: 500, p99Ms: 50 };

const logger = new JsonLogger('warn', 'bench-http', (line) => process.stderr.write(line));

function numbers(name: string, fallback: string): number[] {
  const values = (process.env[name] ?? fallback).split(',').map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) throw new Error(`${name} must be positive numbers, comma-separated`);
  return values;
}

const SETTINGS = {
  seconds: numbers('BENCH_SECONDS', '10')[0],
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 2),
  // Before the first run, each workload runs unthrottled this long, so that no run pays for compiling the API's code.
  primeSeconds: Number(process.env.BENCH_PRIME_SECONDS ?? 5),
  rates: numbers('BENCH_RATES', '100,250,500,1000'),
  connections: numbers('BENCH_CONNECTIONS', '64')[0],
  // By default every connection is an autocannon instance of its own, its second starting 1/connections s after the one before.
  phases: numbers('BENCH_PHASES', process.env.BENCH_CONNECTIONS ?? '64')[0],
  workloads: (process.env.BENCH_WORKLOADS ?? 'open-case,case-life').split(',').map((w) => w.trim()) as WorkloadId[],
  unthrottled: process.env.BENCH_UNTHROTTLED !== '0',
  projector: (process.env.BENCH_PROJECTOR ?? 'process') as ProjectorPlacement,
  // e.g. BENCH_API_NODE_FLAGS='--cpu-prof --cpu-prof-dir=.data/http-profile' to profile the API.
  apiNodeFlags: (process.env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== ''),
};

/**
 * Command throughput and latency through HTTP: the built API in a child process on a fresh
 * database, autocannon in another child process (load-runner.ts), at fixed rates and unthrottled,
 * each run beside the same load on the API's cheapest answer, a CORS preflight (the reference).
 */
async function main(): Promise<void> {
  for (const workload of SETTINGS.workloads) {
    if (!WORKLOADS.includes(workload) || workload === REFERENCE) throw new Error(`BENCH_WORKLOADS: unknown workload ${workload} (open-case, case-life, health)`);
  }
  if (!['process', 'api', 'none'].includes(SETTINGS.projector)) throw new Error('BENCH_PROJECTOR must be process, api or none');
  let database: BenchDatabase | undefined;
  let api: ApiProcesses | undefined;
  let server: ServerCpu | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (cleaning ??= (async () => {
      server?.stop();
      try {
        await api?.stop();
      } finally {
        await database?.dispose();
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the API and dropping the database\n`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    database = await openBenchDatabase('bench_http', logger);
    api = await startApiProcesses({ databaseUrl: database.url, projector: SETTINGS.projector, apiNodeFlags: SETTINGS.apiNodeFlags });
    const pool = createPostgresPool(database.url, { max: 1 });
    try {
      server = await ServerCpu.locate(pool, database.name);
    } finally {
      await pool.end();
    }
    const meter = new CpuMeter({ api: api.apiPid, projector: api.projectorPid }, server);
    const token = await api.caseworkerToken();
    await checkOneCommand(api.baseUrl, token);

    let nextNumber = 1;
    const rows: HttpRow[] = [];
    const measure = async (workload: WorkloadId, rate: number | null, priming = false): Promise<void> => {
      const spec: LoadSpec = {
        baseUrl: (api as ApiProcesses).baseUrl,
        workload,
        token,
        rate,
        connections: priming ? 8 : SETTINGS.connections,
        phases: SETTINGS.phases,
        warmupSeconds: priming ? 0 : SETTINGS.warmupSeconds,
        seconds: priming ? SETTINGS.primeSeconds : SETTINGS.seconds,
        firstNumber: nextNumber,
      };
      process.stderr.write(`${priming ? 'priming: ' : ''}${workload} at ${rate === null ? 'max' : `${rate}/s`} … `);
      const { result, cpu } = await runLoad(spec, meter).catch((error: unknown) => {
        const failure = (api as ApiProcesses).failure();
        throw failure ? new Error(`${(error as Error).message}\n${failure}`) : error;
      });
      // A process that died mid-run leaves only connection errors behind: stop with its last words instead.
      const failure = (api as ApiProcesses).failure();
      if (failure) throw new Error(failure);
      nextNumber = result.nextNumber;
      process.stderr.write(
        `${Math.round(result.achievedPerSecond)}/s, p50 ${ms(result.latencyMs.p50)} ms, p99 ${ms(result.latencyMs.p99)} ms` +
          `${valid(result) ? '' : `, NOT ALL 2xx: ${JSON.stringify(result.statusCodes)}, ${result.errors} errors ${result.refusals.join('; ')}`}\n`,
      );
      if (!priming) rows.push({ workload, rate, result, cpu });
    };
    if (SETTINGS.primeSeconds > 0) {
      for (const workload of [REFERENCE, ...SETTINGS.workloads]) await measure(workload, null, true);
    }
    for (const rate of SETTINGS.rates) {
      await measure(REFERENCE, rate);
      for (const workload of SETTINGS.workloads) await measure(workload, rate);
    }
    if (SETTINGS.unthrottled) {
      await measure(REFERENCE, null);
      for (const workload of SETTINGS.workloads) await measure(workload, null);
    }

    const report: HttpReport = {
      benchmark: 'http',
      generatedAt: new Date().toISOString(),
      server: database.server,
      machine: machineInfo(),
      settings: {
        seconds: SETTINGS.seconds,
        warmupSeconds: SETTINGS.warmupSeconds,
        primeSeconds: SETTINGS.primeSeconds,
        connections: SETTINGS.connections,
        phases: SETTINGS.phases,
        projector: SETTINGS.projector,
        configuration: api.configuration,
      },
      rows,
      target: TARGET,
    };
    printReport(report);
    await writeReport(report, resolve(process.cwd(), 'bench/http/results.json'), resolve(process.cwd(), 'bench/http/results.md'));
  } catch (error) {
    // Report what went wrong before cleaning up, which may fail for the same reason.
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    await cleanUp().catch((cleanUpError: unknown) => process.stderr.write(`cleaning up: ${(cleanUpError as Error).message}\n`));
    process.exit(1);
  }
  await cleanUp();
}

/** Milliseconds to one decimal; a summary of no answers has none (null once through JSON). */
function ms(value: number | null): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(1) : '–';
}

/** One command through the API before any load, so that a broken setup fails with its answer. */
async function checkOneCommand(baseUrl: string, token: string): Promise<void> {
  const response = await fetch(`${baseUrl}/citizen-cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ caseNumber: caseNumber(0), cpr: benchCpr(0), legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord' }),
  });
  if (response.status !== 201) throw new Error(`POST /citizen-cases answered ${response.status}: ${await response.text()}`);
}

/** Runs the load generator's process for one spec and reads the CPU used during its measured window. */
async function runLoad(spec: LoadSpec, meter: CpuMeter): Promise<{ result: LoadResult; cpu: CpuUse }> {
  // In the environment rather than the command line, which every user can read.
  const child = spawn(process.execPath, [RUNNER], { env: { ...process.env, LOAD_SPEC: JSON.stringify(spec) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-10_000);
  });
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  let before: ReturnType<CpuMeter['read']> | undefined;
  let measured: { result: LoadResult; cpu: CpuUse } | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === MEASURING) {
      before = meter.read();
    } else if (line.startsWith('{') && before) {
      const after = meter.read();
      const result = JSON.parse(line) as LoadResult;
      measured = { result, cpu: meter.between(before, after, result.cpuSeconds) };
    }
  }
  const code = await exited;
  if (code !== 0 || !measured) throw new Error(`the load generator exited with ${code}${measured ? '' : ' without a result'}:\n${errors}`);
  return measured;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
