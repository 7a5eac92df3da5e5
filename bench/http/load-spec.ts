/** What the load generator sends: the reference (a CORS preflight), the readiness route, or real commands. */
export const WORKLOADS = ['preflight', 'health', 'open-case', 'case-life'] as const;
export type WorkloadId = (typeof WORKLOADS)[number];

/** The workload every other is compared with. */
export const REFERENCE: WorkloadId = 'preflight';

/** The browser origin the API is configured to allow (CORS_ORIGINS), which the preflight names. */
export const BENCH_ORIGIN = 'http://localhost:5173';

/** One load run, handed from the benchmark to the load generator's process as JSON. */
export interface LoadSpec {
  /** http://127.0.0.1:<port> of the API. */
  readonly baseUrl: string;
  readonly workload: WorkloadId;
  /** Bearer token of a caseworker, for the command workloads. */
  readonly token: string;
  /** Requests a second over all connections; null: as fast as the API answers (closed loop). */
  readonly rate: number | null;
  readonly connections: number;
  /** Autocannon instances started evenly spread over one second (see load-runner.ts). */
  readonly phases: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  /** First number used for case numbers and CPR numbers; the runner reports the next free one. */
  readonly firstNumber: number;
}

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** What the load generator measured in the window after its warm-up. */
export interface LoadResult {
  /** The spec, less the token. */
  readonly spec: Omit<LoadSpec, 'token'>;
  /** Wall time of the measured window, seconds. */
  readonly seconds: number;
  /** Responses received in the window, by status code. */
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly responses: number;
  readonly non2xx: number;
  /** Connection errors and timeouts (no response at all). */
  readonly errors: number;
  readonly timeouts: number;
  /** 2xx responses a second. */
  readonly achievedPerSecond: number;
  /** Latency of the 2xx responses in ms, from the request written to the response read, every one of them. */
  readonly latencyMs: LatencySummary;
  /** The same, by command, for a workload that sends several. */
  readonly byStep: Readonly<Record<string, LatencySummary>>;
  /** A few problem documents of refused requests, for the log (codes only, no bodies sent). */
  readonly refusals: readonly string[];
  /** CPU seconds the load generator used in the window. */
  readonly cpuSeconds: number;
  readonly nextNumber: number;
}

/** The line the load generator prints when its measured window starts. */
export const MEASURING = 'measuring';
