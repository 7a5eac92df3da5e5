import { performance } from 'node:perf_hooks';

/** One unit of work of one writer; a writer runs its operation again as soon as it completes. */
export type Operation = () => Promise<void>;

export interface Timing {
  readonly warmupSeconds: number;
  readonly measureSeconds: number;
}

export interface Measurement {
  /** Operations that completed inside the measured window. */
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
}

/**
 * Runs every writer's operation in a closed loop: first the warm-up, then the measured window, in
 * which operations that complete are counted and timed. Stops early when `signal` aborts; the
 * first failing operation stops all writers and is rethrown.
 */
export async function measure(writers: readonly Operation[], timing: Timing, signal?: AbortSignal): Promise<Measurement> {
  return summarise(await sample(writers, timing, signal), timing.measureSeconds);
}

/** One contender's writers for one turn, and what to release once the turn is over (its pool, say). */
export interface Turn {
  readonly writers: readonly Operation[];
  release?(): Promise<void>;
}

/** Sets up a contender for one turn; it is called once per turn. */
export type Contender = () => Promise<Turn>;

/**
 * Measures any number of contenders in turns, first in the given order and then in reverse (A B C
 * C B A), each turn a warm-up and half the measured time, so that drift during a run (WAL files
 * being created, tables growing, autovacuum) weighs on all alike. Returns one measurement per
 * contender, in the given order.
 */
export async function measureAlternately<const T extends readonly Contender[]>(
  contenders: T,
  timing: Timing,
  signal?: AbortSignal,
): Promise<{ -readonly [K in keyof T]: Measurement }> {
  const half: Timing = { ...timing, measureSeconds: timing.measureSeconds / 2 };
  const samples = contenders.map((): number[] => []);
  const order = [...contenders.keys(), ...[...contenders.keys()].reverse()];
  for (const index of order) {
    const turn = await contenders[index]();
    try {
      for (const latency of await sample(turn.writers, half, signal)) samples[index].push(latency);
    } finally {
      await turn.release?.();
    }
  }
  return samples.map((latencies) => summarise(latencies, timing.measureSeconds)) as { -readonly [K in keyof T]: Measurement };
}

/** Latencies (ms) of the operations that completed inside the measured window. */
async function sample(writers: readonly Operation[], timing: Timing, signal?: AbortSignal): Promise<number[]> {
  const windowStart = performance.now() + timing.warmupSeconds * 1000;
  const window = { start: windowStart, end: windowStart + timing.measureSeconds * 1000 };
  const latencies: number[] = [];
  const failed = new AbortController();
  const stop = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
  const outcomes = await Promise.allSettled(
    writers.map((operation) =>
      runWriter(operation, window, latencies, stop).catch((error: unknown) => {
        failed.abort();
        throw error;
      }),
    ),
  );
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return latencies;
}

async function runWriter(
  operation: Operation,
  window: { readonly start: number; readonly end: number },
  latencies: number[],
  stop: AbortSignal,
): Promise<void> {
  while (!stop.aborted) {
    const began = performance.now();
    if (began >= window.end) return;
    await operation();
    const ended = performance.now();
    if (ended >= window.start && ended <= window.end) latencies.push(ended - began);
  }
}

function summarise(latencies: number[], seconds: number): Measurement {
  const sorted = Float64Array.from(latencies).sort();
  return {
    operations: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    latencyMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN },
  };
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}
