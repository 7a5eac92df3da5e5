import type { SeededRandom } from '@casetrail/platform';

const DAY_MS = 86_400_000;

/** `date` (yyyy-mm-dd) plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A date from `from` to `to`, both included. */
export function dateBetween(random: SeededRandom, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
  return addDays(from, random.int(0, Math.max(0, span)));
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(...dates: string[]): string {
  return dates.reduce((a, b) => (a > b ? a : b));
}
