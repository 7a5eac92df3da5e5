import { APPEAL_OUTCOMES } from '@casetrail/case-management';
import { renderCsv, type CsvSection } from '../format/csv';
import type { ReportLocale } from '../format/number-format';
import { evidenceHeaderLines, formatCount, formatDecimal } from '../evidence-shared/evidence-csv';
import type { StatisticsRow } from './complaint-statistics';
import type { ComplaintStatisticsReport } from './get-complaint-statistics.query';

const WORDS = {
  da: {
    outcomes: ['stadfæstet', 'ændret', 'ophævet', 'hjemvist', 'afvist'],
    share: (outcome: string) => `${outcome} pct.`,
    columns: ['periode', 'fra', 'til', 'retsområde', 'afgjort'],
    rate: ['omgjort (tæller)', 'grundlag (nævner)', 'omgørelsesprocent', 'sammenligning pct. (importeret)'],
    all: 'alle',
    comparatorTitle: 'sammenligningstal (importeret dokumentation, ikke kommunens egne tal)',
    comparatorColumns: ['betegnelse', 'kilde', 'modtaget', 'retsområde', 'fra', 'til', 'omgørelsesprocent', 'importeret', 'importeret af'],
    rowsTitle: 'Ankestyrelsens afgørelser pr. periode og retsområde',
  },
  en: {
    outcomes: ['upheld', 'changed', 'annulled', 'remitted', 'dismissed'],
    share: (outcome: string) => `${outcome} %`,
    columns: ['period', 'from', 'to', 'legal area', 'decided'],
    rate: ['reversed (numerator)', 'base (denominator)', 'reversal rate %', 'comparator % (imported)'],
    all: 'all',
    comparatorTitle: "comparator (imported evidence, not the municipality's own figures)",
    comparatorColumns: ['label', 'source', 'received', 'legal area', 'from', 'to', 'reversal rate %', 'imported', 'imported by'],
    rowsTitle: "Ankestyrelsen's decisions per period and legal area",
  },
} as const;

/** The complaint statistics as CSV: header lines, the comparator (labelled as evidence), the rows and the total. */
export function complaintStatisticsCsv(report: ComplaintStatisticsReport, locale: ReportLocale = 'en'): string {
  const words = WORDS[locale];
  const n = (value: number | null) => formatCount(value, locale);
  const line = (row: StatisticsRow) => [
    row.period.label,
    row.period.from,
    row.period.to,
    row.legalArea ?? words.all,
    n(row.decided),
    ...APPEAL_OUTCOMES.map((outcome) => n(row.outcomes[outcome])),
    ...APPEAL_OUTCOMES.map((outcome) => n(row.sharesPct?.[outcome] ?? null)),
    n(row.reversalRate.numerator),
    n(row.reversalRate.denominator),
    n(row.reversalRate.pct),
    formatDecimal(row.comparatorReversalRatePct, locale),
  ];
  const { comparator } = report;
  const sections: CsvSection[] = [];
  if (comparator) {
    sections.push({
      title: words.comparatorTitle,
      columns: words.comparatorColumns,
      rows: [
        [
          comparator.label,
          comparator.source,
          comparator.receivedOn,
          comparator.legalArea,
          comparator.period.from,
          comparator.period.to,
          formatDecimal(comparator.reversalRatePct, locale),
          comparator.importedAt,
          comparator.importedBy,
        ],
      ],
    });
  }
  sections.push({
    title: words.rowsTitle,
    columns: [...words.columns, ...words.outcomes, ...words.outcomes.map(words.share), ...words.rate],
    rows: [...report.rows.map(line), line(report.total)],
  });
  return renderCsv({ header: evidenceHeaderLines(report.header, locale), sections }, locale);
}
