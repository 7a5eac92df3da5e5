import { DomainError } from '@casetrail/case-management';

export const REPORT_TIME_ZONE = 'Europe/Copenhagen';

/** A calendar date, or an instant with its zone (Z or ±hh:mm); a time without a zone is refused. */
export const KNOWN_ON_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** "What did we know on …?": the day or instant asked for, and the last recorded time it takes in. */
export interface RecordedCutoff {
  /** As asked: `yyyy-mm-dd` or an ISO 8601 instant with its zone. */
  readonly knownOn: string;
  /** Inclusive, ISO 8601 in UTC with milliseconds: the end of that day in Denmark, or the instant. */
  readonly recordedCutoff: string;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: REPORT_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Danish local time minus UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function copenhagenOffsetMs(instant: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return local - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The instant a Danish calendar day starts (clocks change at 02:00/03:00, never at midnight). */
function startOfDanishDay(year: number, month: number, day: number): number {
  const midnightUtc = Date.UTC(year, month - 1, day);
  const guess = midnightUtc - copenhagenOffsetMs(midnightUtc);
  return midnightUtc - copenhagenOffsetMs(guess);
}

/** The last millisecond of a calendar day in Denmark: 2023-08-29 ends at 2023-08-29T21:59:59.999Z. */
export function endOfDanishDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(startOfDanishDay(year, month, day + 1) - 1).toISOString();
}

/**
 * Reads "known on": a date means everything recorded by the end of that day in Denmark; an instant
 * means everything recorded at or before it. `now` (the request's time) when nothing was asked.
 */
export function recordedCutoff(knownOn: string | undefined, now: Date): RecordedCutoff {
  if (knownOn === undefined) return { knownOn: now.toISOString(), recordedCutoff: now.toISOString() };
  const refuse = () => new DomainError('REPORT.INVALID_KNOWN_ON', 'knownOn must be a date yyyy-mm-dd or an instant with its zone, e.g. 2023-08-29T23:59:59+02:00', { field: 'knownOn' });
  if (!KNOWN_ON_PATTERN.test(knownOn)) throw refuse();
  const date = knownOn.slice(0, 10);
  const [year, month, day] = date.split('-').map(Number);
  if (new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) !== date) throw refuse();
  if (knownOn.length === 10) return { knownOn, recordedCutoff: endOfDanishDay(knownOn) };
  const instant = Date.parse(knownOn);
  if (Number.isNaN(instant)) throw refuse();
  return { knownOn, recordedCutoff: new Date(instant).toISOString() };
}
