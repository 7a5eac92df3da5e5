import type { CsvDocument } from '../format/csv';
import { formatInteger, type ReportLocale } from '../format/number-format';
import type { EvidenceReportHeader } from './report-header';

/** A number that may have decimals (an imported percentage such as 32.4): `32,4` (da), `32.4` (en). */
export function formatDecimal(value: number | null, locale: ReportLocale): string {
  if (value === null) return '';
  if (Number.isInteger(value)) return formatInteger(value, locale);
  const [whole, fraction] = Math.abs(value).toString().split('.');
  return `${value < 0 ? '-' : ''}${formatInteger(Number(whole), locale)}${locale === 'da' ? ',' : '.'}${fraction}`;
}

/** A count, or empty for null. */
export function formatCount(value: number | null, locale: ReportLocale): string {
  return value === null ? '' : formatInteger(value, locale);
}

/** The `# ` header lines every evidence report's CSV starts with: what it is, its parameters, cutoff, position, rounding. */
export function evidenceHeaderLines(header: EvidenceReportHeader, locale: ReportLocale): CsvDocument['header'] {
  const parameters = Object.entries(header.parameters)
    .map(([name, value]) => `${name}=${value ?? ''}`)
    .join(', ');
  const labels = locale === 'da' ? ['rapport', 'parametre', 'afgrænsning', 'position i loggen', 'afrunding'] : ['report', 'parameters', 'cutoff', 'log position', 'rounding'];
  return [
    [labels[0], header.title],
    [labels[1], parameters],
    [labels[2], header.cutoff],
    [labels[3], header.position],
    [labels[4], header.rounding],
  ];
}
