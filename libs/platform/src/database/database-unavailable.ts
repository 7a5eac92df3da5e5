/** Socket errors and PostgreSQL's "shutting down / cannot connect now / too many connections". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300']);

/** Whether an error means the database cannot be reached now (the caller may retry), not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  const message = (error as Error | undefined)?.message ?? '';
  return (code !== undefined && UNAVAILABLE_CODES.has(code)) || /Connection terminated|connection timeout|Cannot use a pool after calling end/i.test(message);
}
