import { largestRemainderShares, percentHalfUp as percentOfFraction } from './rounding';
/**
 * Numbers for reports: integers with thousands separators, kroner from exact øre, percentages from
 * integer fractions. Written out by hand rather than with Intl so that a report's bytes never depend
 * on the ICU data of the Node build that renders them.
 */

/** `en` (the default): 334,299 and 21%; `da`: 334.299 and 21 pct. */
export const REPORT_LOCALES = ['en', 'da'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

const SEPARATORS: Readonly<Record<ReportLocale, { readonly thousands: string; readonly decimal: string }>> = {
  en: { thousands: ',', decimal: '.' },
  da: { thousands: '.', decimal: ',' },
};

function requireInteger(value: number | bigint, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return BigInt(value);
}

/** An integer with the locale's thousands separator: 334299 is `334.299` (da) or `334,299` (en). */
export function formatInteger(value: number | bigint, locale: ReportLocale = 'en'): string {
  const n = requireInteger(value, 'value');
  const digits = (n < 0n ? -n : n).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[locale].thousands);
  return n < 0n ? `-${grouped}` : grouped;
}

/** Whole kroner from øre, rounded half up (half away from zero): 49 øre is 0 kr., 50 øre is 1 kr. */
export function oreToWholeKroner(ore: number | bigint): bigint {
  const n = requireInteger(ore, 'ore');
  const magnitude = ((n < 0n ? -n : n) + 50n) / 100n;
  return n < 0n ? -magnitude : magnitude;
}

/**
 * Kroner for display from exact øre: whole kroner rounded half up (`334.299`), or with the øre
 * (`334.299,00`) when `decimals` is 2.
 */
export function formatKroner(ore: number | bigint, locale: ReportLocale = 'en', options: { readonly decimals?: 0 | 2 } = {}): string {
  if ((options.decimals ?? 0) === 0) return formatInteger(oreToWholeKroner(ore), locale);
  const n = requireInteger(ore, 'ore');
  const magnitude = n < 0n ? -n : n;
  const kroner = formatInteger(magnitude / 100n, locale);
  const rest = (magnitude % 100n).toString().padStart(2, '0');
  return `${n < 0n ? '-' : ''}${kroner}${SEPARATORS[locale].decimal}${rest}`;
}

/**
 * A whole percentage rounded half up from the unrounded fraction `numerator / denominator` of two
 * non-negative integers (25 of 35 is 71); null when the denominator is 0.
 */
export function percentHalfUp(numerator: number | bigint, denominator: number | bigint): number | null {
  return percentOfFraction({ numerator: Number(requireInteger(numerator, 'numerator')), denominator: Number(requireInteger(denominator, 'denominator')) });
}

/** A whole percentage as the locale writes it: `21 pct.` (da), `21%` (en). */
export function formatPercentValue(percent: number, locale: ReportLocale = 'en'): string {
  const text = formatInteger(percent, locale);
  return locale === 'da' ? `${text} pct.` : `${text}%`;
}

/** `numerator / denominator` as a whole percentage rounded half up; empty when the denominator is 0. */
export function formatPercent(numerator: number | bigint, denominator: number | bigint, locale: ReportLocale = 'en'): string {
  const percent = percentHalfUp(numerator, denominator);
  return percent === null ? '' : formatPercentValue(percent, locale);
}

/**
 * Whole percentages of `counts` that add up to exactly 100 (largest-remainder rounding): each share
 * is rounded down, and the points left go to the largest remainders, the earlier count first on a
 * tie. All zeros when the counts add up to 0.
 */
export function largestRemainderPercents(counts: readonly number[]): number[] {
  return largestRemainderShares(counts) ?? counts.map(() => 0);
}
