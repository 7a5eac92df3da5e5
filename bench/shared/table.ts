export interface Column {
  readonly title: string;
  readonly align: 'left' | 'right';
}

/** A plain-text table with padded columns, for the terminal. */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) => Math.max(column.title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (columns[i].align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  return [line(columns.map((column) => column.title)), rule, ...rows.map(line)].join('\n');
}

/** A GitHub-flavoured Markdown table. */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = line(columns.map((column) => (column.align === 'right' ? '---:' : '---')));
  return [line(columns.map((column) => column.title)), rule, ...rows.map(line)].join('\n');
}
