import { renderCsv } from '../format/csv';
import { formatInteger, formatKroner, type ReportLocale } from '../format/number-format';
import { evidenceHeaderLines } from '../evidence-shared/evidence-csv';
import type { ExtractReconciliationReport } from './get-extract-reconciliation.query';
import type { CitizenComparison } from './reconcile-extract';

type Figure =
  | 'inExtract' | 'internal' | 'inBoth' | 'onlyInExtract' | 'onlyInExtractUnregistered' | 'onlyInternal' | 'repeatedEntries'
  | 'reportedByExtract' | 'verifiedInternally' | 'difference' | 'untypedForExtractCitizens' | 'untypedInPeriod' | 'internalOnlyInternalCitizens'
  | 'extractOutsidePeriod' | 'otherType' | 'reportedByExtractOre' | 'reportedWithoutAmount' | 'deductedInternallyOre';

interface Words {
  readonly evidenceTitle: string;
  readonly evidenceColumns: readonly string[];
  readonly figuresTitle: string;
  readonly figuresColumns: readonly string[];
  readonly withoutTitle: string;
  readonly perCitizenTitle: string;
  readonly citizenColumns: readonly string[];
  readonly unregistered: string;
  readonly figures: Readonly<Record<Figure, string>>;
}

const WORDS: Readonly<Record<ReportLocale, Words>> = {
  da: {
    evidenceTitle: 'udtræk (importeret dokumentation, ikke kommunens egne oplysninger)',
    evidenceColumns: ['kilde', 'fra', 'til', 'modtaget', 'SHA-256', 'importeret', 'importeret af'],
    figuresTitle: 'afstemning',
    figuresColumns: ['opgørelse', 'værdi'],
    withoutTitle: 'borgere i udtrækket uden skærpet sanktion i perioden internt',
    perCitizenTitle: 'alle borgere i udtrækket',
    citizenColumns: ['linje i udtrækket', 'borgerreference', 'i udtrækket', 'verificeret internt', 'forskel', 'uden type internt'],
    unregistered: 'ikke registreret i casetrail',
    figures: {
      inExtract: 'borgere i udtrækket',
      internal: 'borgere med skærpet sanktion internt',
      inBoth: 'borgere i begge',
      onlyInExtract: 'borgere kun i udtrækket',
      onlyInExtractUnregistered: 'heraf ikke registreret i casetrail',
      onlyInternal: 'borgere kun internt',
      repeatedEntries: 'gentagne linjer i udtrækket',
      reportedByExtract: 'skærpede sanktioner ifølge udtrækket',
      verifiedInternally: 'skærpede sanktioner verificeret internt',
      difference: 'forskel',
      untypedForExtractCitizens: 'sanktioner uden type internt (udtrækkets borgere), ikke talt som skærpede',
      untypedInPeriod: 'sanktioner uden type internt i perioden (alle borgere)',
      internalOnlyInternalCitizens: 'skærpede sanktioner internt for borgere uden for udtrækket',
      extractOutsidePeriod: 'udtrækkets skærpede sanktioner uden for perioden (ikke talt)',
      otherType: 'udtrækkets sanktioner af anden type (ikke sammenlignet)',
      reportedByExtractOre: 'beløb ifølge udtrækket, kr.',
      reportedWithoutAmount: 'sanktioner i udtrækket uden beløb',
      deductedInternallyOre: 'fradraget ifølge de verificerede sanktioner, kr.',
    },
  },
  en: {
    evidenceTitle: "extract (imported evidence, not the municipality's own facts)",
    evidenceColumns: ['source', 'from', 'to', 'received', 'SHA-256', 'imported', 'imported by'],
    figuresTitle: 'reconciliation',
    figuresColumns: ['figure', 'value'],
    withoutTitle: 'extract citizens without a stricter sanction in the period internally',
    perCitizenTitle: 'every citizen in the extract',
    citizenColumns: ['extract line', 'citizen reference', 'in extract', 'verified internally', 'difference', 'untyped internally'],
    unregistered: 'not registered in casetrail',
    figures: {
      inExtract: 'citizens in the extract',
      internal: 'citizens with a stricter sanction internally',
      inBoth: 'citizens in both',
      onlyInExtract: 'citizens only in the extract',
      onlyInExtractUnregistered: 'of which not registered in casetrail',
      onlyInternal: 'citizens only internally',
      repeatedEntries: 'repeated extract lines',
      reportedByExtract: 'stricter sanctions reported by the extract',
      verifiedInternally: 'stricter sanctions verified internally',
      difference: 'difference',
      untypedForExtractCitizens: "untyped sanctions internally (the extract's citizens), not counted as stricter",
      untypedInPeriod: 'untyped sanctions internally in the period (all citizens)',
      internalOnlyInternalCitizens: 'stricter sanctions internally of citizens not in the extract',
      extractOutsidePeriod: "the extract's stricter sanctions outside its period (not counted)",
      otherType: "the extract's sanctions of another type (not compared)",
      reportedByExtractOre: 'amount reported by the extract, DKK',
      reportedWithoutAmount: 'extract sanctions without an amount',
      deductedInternallyOre: 'deducted by the verified sanctions, DKK',
    },
  },
};

/** The reconciliation as CSV: header lines, the evidence, the figures, then the citizens. */
export function extractReconciliationCsv(report: ExtractReconciliationReport, locale: ReportLocale = 'en'): string {
  const words = WORDS[locale];
  const n = (value: number) => formatInteger(value, locale);
  const kr = (ore: number) => formatKroner(ore, locale, { decimals: 2 });
  const { evidence, citizens, sanctions, amounts } = report;
  const f = words.figures;
  const citizen = (c: CitizenComparison) => [n(c.line), c.citizenRef ?? words.unregistered, n(c.reportedByExtract), n(c.verifiedInternally), n(c.difference), n(c.untypedInternally)];
  const figures: string[][] = [
    [f.inExtract, n(citizens.inExtract)],
    [f.internal, n(citizens.internal)],
    [f.inBoth, n(citizens.inBoth)],
    [f.onlyInExtract, n(citizens.onlyInExtract)],
    [f.onlyInExtractUnregistered, n(citizens.onlyInExtractUnregistered)],
    [f.onlyInternal, n(citizens.onlyInternal)],
    [f.repeatedEntries, n(citizens.repeatedEntries)],
    [f.reportedByExtract, n(sanctions.reportedByExtract)],
    [f.verifiedInternally, n(sanctions.verifiedInternally)],
    [f.difference, n(sanctions.difference)],
    [f.untypedForExtractCitizens, n(sanctions.untypedForExtractCitizens)],
    [f.untypedInPeriod, n(sanctions.untypedInPeriod)],
    [f.internalOnlyInternalCitizens, n(sanctions.internalOnlyInternalCitizens)],
    [f.extractOutsidePeriod, n(sanctions.extractOutsidePeriod)],
    ...Object.entries(sanctions.extractOtherTypes).map(([type, count]) => [`${f.otherType}: ${type}`, n(count)]),
    [f.reportedByExtractOre, kr(amounts.reportedByExtractOre)],
    [f.reportedWithoutAmount, n(amounts.reportedWithoutAmount)],
    [f.deductedInternallyOre, kr(amounts.deductedInternallyOre)],
  ];
  return renderCsv(
    {
      header: evidenceHeaderLines(report.header, locale),
      sections: [
        {
          title: words.evidenceTitle,
          columns: words.evidenceColumns,
          rows: [[evidence.source, evidence.period.from, evidence.period.to, evidence.receivedOn, evidence.digest.value, evidence.importedAt, evidence.importedBy]],
        },
        { title: words.figuresTitle, columns: words.figuresColumns, rows: figures },
        { title: words.withoutTitle, columns: words.citizenColumns, rows: report.withoutInternalSanctionOfType.map(citizen) },
        { title: words.perCitizenTitle, columns: words.citizenColumns, rows: report.perCitizen.map(citizen) },
      ],
    },
    locale,
  );
}
