import autocannon, { type Client, type Result } from 'autocannon';
import { workloadRequests, type NumberSource, type StepRequest } from './command-requests';
import { MEASURING, type LatencySummary, type LoadResult, type LoadSpec } from './load-spec';

interface Window {
  readonly latencies: Map<string, number[]>;
  readonly statusCodes: Map<number, number>;
  readonly refusals: string[];
}

/**
 * The load generator, in a process of its own: `LOAD_SPEC='<LoadSpec as JSON>' node load-runner.js` runs
 * autocannon against the API (first the warm-up, whose answers are dropped, then the measured
 * window) and prints the line MEASURING when the measured window starts, then one line of JSON,
 * a LoadResult.
 *
 * Autocannon limits a rate by giving each connection a quota per second, and every connection's
 * second starts when the instance does: each second opens with a burst on all connections. The
 * load is therefore split over `phases` instances started 1/phases s apart (by default one per
 * connection), so that the bursts are spread over the second. Each connection still sends its
 * quota one request after the other: a stall delays its next requests rather than showing in
 * their latency.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.env.LOAD_SPEC ?? '') as LoadSpec;
  let next = spec.firstNumber;
  const numbers: NumberSource = { next: () => next++ };
  if (spec.warmupSeconds > 0) await run(spec, spec.warmupSeconds, numbers);
  // Tells the benchmark to start counting CPU time.
  process.stdout.write(`${MEASURING}\n`);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const { window, results } = await run(spec, spec.seconds, numbers);
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const all = [...window.latencies.values()].flat();
  const responses = [...window.statusCodes.values()].reduce((a, b) => a + b, 0);
  const ok = [...window.statusCodes].filter(([status]) => status >= 200 && status < 300).reduce((sum, [, count]) => sum + count, 0);
  const { token: _token, ...described } = spec;
  const result: LoadResult = {
    spec: described,
    seconds,
    statusCodes: Object.fromEntries([...window.statusCodes].map(([status, count]) => [String(status), count])),
    responses,
    non2xx: responses - ok,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    // Each instance ran for the same time and they overlap, so their rates add up. A rated
    // instance sent one quota per whole second of its run.
    achievedPerSecond: ok / (spec.rate === null ? runSeconds(spec.seconds) : spec.seconds),
    latencyMs: summarise(all),
    byStep: window.latencies.size > 1 ? Object.fromEntries([...window.latencies].map(([step, values]) => [step, summarise(values)])) : {},
    refusals: window.refusals,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    nextNumber: next,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function run(spec: LoadSpec, seconds: number, numbers: NumberSource): Promise<{ window: Window; results: Result[] }> {
  const window: Window = { latencies: new Map(), statusCodes: new Map(), refusals: [] };
  const phases = spec.rate === null ? 1 : Math.max(1, Math.min(spec.phases, spec.connections, spec.rate));
  const refused = (step: string, status: number, body: string): void => {
    if (window.refusals.length < 5) window.refusals.push(`${step}: ${status} ${problemCode(body)}`);
  };
  const instances = Array.from({ length: phases }, async (_, phase) => {
    await new Promise((resolve) => setTimeout(resolve, (phase * 1000) / phases));
    return new Promise<Result>((done, fail) => {
      const options: autocannon.Options = {
        url: spec.baseUrl,
        connections: share(spec.connections, phases, phase),
        ...(spec.rate === null ? {} : { overallRate: share(spec.rate, phases, phase), ignoreCoordinatedOmission: true }),
        duration: runSeconds(seconds),
        timeout: 10,
        requests: workloadRequests(spec.workload, spec.token, numbers, refused),
      };
      const instance = autocannon(options, (error: unknown, result: Result) => (error ? fail(error) : done(result)));
      instance.on('response', (client: Client, status: number, _bytes: number, ms: number) => {
        window.statusCodes.set(status, (window.statusCodes.get(status) ?? 0) + 1);
        if (status < 200 || status >= 300) return;
        const step = (client as unknown as { requestIterator: { currentRequest: StepRequest } }).requestIterator.currentRequest.step;
        const into = window.latencies.get(step) ?? [];
        if (into.length === 0) window.latencies.set(step, into);
        into.push(ms);
      });
    });
  });
  return { window, results: await Promise.all(instances) };
}

/**
 * A little less than asked: autocannon renews every connection's quota at each whole second of
 * the run, and a run whose end came just after such a tick (timers run late on a busy machine)
 * would send one quota more than its seconds.
 */
function runSeconds(seconds: number): number {
  return seconds - 0.2;
}

/** The phase's part of `total`, the remainder going to the first phases. */
function share(total: number, phases: number, phase: number): number {
  return Math.floor(total / phases) + (phase < total % phases ? 1 : 0);
}

function summarise(values: number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const at = (fraction: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]);
  return {
    count: sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

function problemCode(body: string): string {
  try {
    const problem = JSON.parse(body) as { code?: string; detail?: string };
    return problem.code ?? 'no code';
  } catch {
    return 'not JSON';
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`load runner: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
