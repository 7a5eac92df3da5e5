const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;

/**
 * Whether `value` is already an instant exactly as `Date.prototype.toISOString` writes it, in
 * years 1–9999 (so that parsing and writing it again gives it back unchanged): a cheap test that
 * spares projections a Date round trip for the recorded times the store writes. An invalid day
 * (2023-02-30, which Date rolls over) is not canonical.
 */
export function isCanonicalInstant(value: string): boolean {
  const match = CANONICAL.exec(value);
  if (!match) return false;
  const year = +match[1];
  const month = +match[2];
  const day = +match[3];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && +match[4] <= 23 && +match[5] <= 59 && +match[6] <= 59;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
