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

/**
 * Alternates two contenders in the order A B B A, each for half the measured time, so that drift
 * during a run (WAL files being created, tables growing, autovacuum) weighs on both alike.
 */
export async function measureAlternately(
  a: () => Promise<readonly Operation[]>,
  b: () => Promise<readonly Operation[]>,
  timing: Timing,
  signal?: AbortSignal,
): Promise<[Measurement, Measurement]> {
  const half: Timing = { ...timing, measureSeconds: timing.measureSeconds / 2 };
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (const [contender, into] of [[a, samplesA], [b, samplesB], [b, samplesB], [a, samplesA]] as const) {
    into.push(...(await sample(await contender(), half, signal)));
  }
  return [summarise(samplesA, timing.measureSeconds), summarise(samplesB, timing.measureSeconds)];
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
