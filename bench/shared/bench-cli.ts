import type { BenchDatabase } from './bench-database';

/** Ctrl-C drops the benchmark database (and stops an embedded server) before exiting. */
export function dropOnSigint(database: BenchDatabase): void {
  process.once('SIGINT', () => {
    progress('interrupted: dropping the benchmark database');
    database.dispose().finally(() => process.exit(130));
  });
}

/** A whole number from the environment (underscores allowed), or `fallback` when unset. */
export function readInteger(name: string, fallback: number, min: number): number {
  const raw = process.env[name]?.trim().replace(/_/g, '');
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min} (got "${process.env[name]}")`);
  return value;
}

/** A progress line on stderr (stdout carries the report). */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}
