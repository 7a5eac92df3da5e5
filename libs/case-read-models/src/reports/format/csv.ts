import type { ReportLocale } from './number-format';

/** One table of a CSV document: its column names and its rows, every cell already formatted. */
export interface CsvSection {
  /** Written as a `# ` line above the section's column names. */
  readonly title?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * A report as CSV: header lines starting with `# ` that name what the figures are (parameters,
 * cutoff, position, rounding rule), then one or more tables separated by an empty line.
 */
export interface CsvDocument {
  readonly header: readonly (readonly [label: string, value: string])[];
  readonly sections: readonly CsvSection[];
}

/** `;` for Danish (the decimal separator is a comma, and Danish spreadsheets expect it), else `,`. */
export function csvDelimiter(locale: ReportLocale): ';' | ',' {
  return locale === 'da' ? ';' : ',';
}

/**
 * One cell, quoted (RFC 4180) when it holds the delimiter, a quote or a line break. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `@`, or `-` not followed by a digit) gets a leading
 * apostrophe.
 */
export function csvCell(value: string, delimiter: string): string {
  const safe = /^[=+@\t\r]|^-(?!\d)/.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The document as text: CRLF line ends (RFC 4180), UTF-8 without a byte-order mark. */
export function renderCsv(document: CsvDocument, locale: ReportLocale): string {
  const delimiter = csvDelimiter(locale);
  const line = (cells: readonly string[]) => cells.map((cell) => csvCell(cell, delimiter)).join(delimiter);
  const lines = document.header.map(([label, value]) => `# ${oneLine(label)}: ${oneLine(value)}`);
  document.sections.forEach((section, index) => {
    if (index > 0) lines.push('');
    if (section.title !== undefined) lines.push(`# ${oneLine(section.title)}`);
    lines.push(line(section.columns), ...section.rows.map(line));
  });
  return `${lines.join('\r\n')}\r\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
