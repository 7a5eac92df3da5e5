import { Pool, types } from 'pg';

// int8 columns hold positions and revisions; they are parsed where used, never as lossy floats.
types.setTypeParser(types.builtins.INT8, (value) => value);

/** A pool whose idle-client errors are reported rather than crashing the process. */
export function createPostgresPool(
  url: string,
  options: { max?: number; applicationName?: string; onError?: (error: Error) => void } = {},
): Pool {
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? 20,
    application_name: options.applicationName ?? 'casetrail',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) => options.onError?.(error));
  return pool;
}
