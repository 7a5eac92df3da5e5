import { findSanctionType } from '@casetrail/case-management';
import { renderCsv, type CsvSection } from '../format/csv';
import { formatInteger, formatKroner, formatPercent, type ReportLocale } from '../format/number-format';
import type { SanctionReviewSource } from './sanction-review';
import type { SanctionReviewReport } from './sanction-review.report';

interface Words {
  readonly title: string;
  readonly labels: Readonly<Record<'report' | 'sanctionTypes' | 'breach' | 'knownOn' | 'position' | 'computedFrom' | 'precedence' | 'repayment' | 'rounding', string>>;
  readonly sources: Readonly<Record<SanctionReviewSource, string>>;
  readonly total: string;
  readonly columns: readonly string[];
  readonly citizensTitle: string;
  readonly citizenColumns: readonly string[];
  readonly window: (from: string | null, to: string | null) => string;
  readonly knownOn: (knownOn: string, cutoff: string) => string;
  readonly position: (position: string) => string;
  readonly computedFrom: (streams: number, events: number) => string;
  readonly precedence: string;
  readonly repayment: string;
  readonly rounding: string;
}

const WORDS: Readonly<Record<ReportLocale, Words>> = {
  en: {
    title: 'Sanction review: citizens, sanctions, errors and repayments by discovery source',
    labels: {
      report: 'report',
      sanctionTypes: 'sanction types',
      breach: 'breach dates (effective time)',
      knownOn: 'known on (recorded time)',
      position: 'log position',
      computedFrom: 'computed from',
      precedence: 'discovery source precedence',
      repayment: 'repayment',
      rounding: 'rounding',
    },
    sources: {
      PRACTICE_SURVEY: "in Ankestyrelsen's practice survey",
      EXCLUDED_BY_ANKESTYRELSEN: 'excluded from the survey by Ankestyrelsen',
      OWN_METHODS: "found by the municipality's own methods",
      NATIONAL_EXTRACT: 'found only through the national extract',
      NOT_IDENTIFIED: 'no discovery source recorded',
    },
    total: 'total',
    columns: ['discovery source', 'citizens', 'sanctions', 'citizens with error', 'repayment assessed, kr.', 'of which scheduled, kr.', 'of which paid, kr.', 'citizens with error, %'],
    citizensTitle: 'citizens behind each row (pseudonymous references)',
    citizenColumns: ['discovery source', 'citizen reference', 'cases', 'sanctions counted', 'sanctions in error', 'repayment assessed, kr.', 'of which scheduled, kr.', 'of which paid, kr.'],
    window: (from, to) => `${from ?? 'any'} to ${to ?? 'any'} (breach date, both days included)`,
    knownOn: (knownOn, cutoff) => `${knownOn}: facts recorded up to and including ${cutoff}${knownOn.length === 10 ? ' (the end of that day in Europe/Copenhagen)' : ''}`,
    position: (position) => `${position} (events later in the global log are left out)`,
    computedFrom: (streams, events) => `${streams} citizen-case streams, ${events} events, read from the event store (not the read models)`,
    precedence:
      'practice survey, then excluded by Ankestyrelsen, then own methods, then national extract only; each citizen counts once, in the first row that applies',
    repayment:
      "assessed = every repayment assessed for a counted sanction, whether paid, scheduled or neither yet; scheduled = scheduled, not yet paid; paid = issued; a repayment that also covers uncounted sanctions counts with the counted sanctions' share, in proportion to what each deducted",
    rounding:
      'the JSON holds exact øre; kroner here are rounded half up to whole kroner, each from its own exact øre, so the rows may not add up to the total; percentages are rounded half up from the unrounded fraction',
  },
  da: {
    title: 'Gennemgang af sanktioner: borgere, sanktioner, fejl og tilbagebetalinger efter fundkilde',
    labels: {
      report: 'rapport',
      sanctionTypes: 'sanktionstyper',
      breach: 'overtrædelsesdatoer (virkningstid)',
      knownOn: 'kendt pr. (registreringstid)',
      position: 'position i hændelsesloggen',
      computedFrom: 'beregnet ud fra',
      precedence: 'rækkefølge for fundkilder',
      repayment: 'tilbagebetaling',
      rounding: 'afrunding',
    },
    sources: {
      PRACTICE_SURVEY: 'i Ankestyrelsens praksisundersøgelse',
      EXCLUDED_BY_ANKESTYRELSEN: 'udtaget af undersøgelsen af Ankestyrelsen',
      OWN_METHODS: 'fundet ved kommunens egne metoder',
      NATIONAL_EXTRACT: 'fundet alene via det nationale udtræk',
      NOT_IDENTIFIED: 'ingen fundkilde registreret',
    },
    total: 'I alt',
    columns: ['fundkilde', 'borgere', 'sanktioner', 'borgere med fejl', 'tilbagebetaling vurderet, kr.', 'heraf planlagt, kr.', 'heraf udbetalt, kr.', 'borgere med fejl, pct.'],
    citizensTitle: 'borgere bag hver række (pseudonyme referencer)',
    citizenColumns: ['fundkilde', 'borgerreference', 'sager', 'talte sanktioner', 'sanktioner med fejl', 'tilbagebetaling vurderet, kr.', 'heraf planlagt, kr.', 'heraf udbetalt, kr.'],
    window: (from, to) => `${from ?? 'alle'} til ${to ?? 'alle'} (overtrædelsesdato, begge dage medregnet)`,
    knownOn: (knownOn, cutoff) => `${knownOn}: fakta registreret til og med ${cutoff}${knownOn.length === 10 ? ' (dagens udgang, dansk tid)' : ''}`,
    position: (position) => `${position} (senere hændelser i loggen er ikke medregnet)`,
    computedFrom: (streams, events) => `${streams} borgersager, ${events} hændelser, læst fra hændelseslageret (ikke læsemodellerne)`,
    precedence:
      'praksisundersøgelse, derefter udtaget af Ankestyrelsen, derefter egne metoder, derefter alene nationalt udtræk; hver borger tælles én gang, i den første række der passer',
    repayment:
      'vurderet = alle tilbagebetalinger vurderet for en talt sanktion, uanset om de er udbetalt, planlagt eller endnu ingen af delene; planlagt = planlagt, ikke udbetalt; udbetalt = udbetalt; en tilbagebetaling der også dækker sanktioner uden for opgørelsen tælles med de talte sanktioners andel, i forhold til hvad hver sanktion fratrak',
    rounding:
      'JSON indeholder eksakte øre; kroner er her afrundet halvt op til hele kroner, hvert tal fra sine eksakte øre, så rækkerne kan afvige fra i alt; procenter er afrundet halvt op fra den uafrundede brøk',
  },
};

/**
 * The report as CSV: `# ` header lines naming the parameters, cutoff, position, precedence and
 * rounding rule, the table with a total row, and, when the report has them, the citizens behind
 * each row. Amounts in whole kroner, `locale` decides separators and words.
 */
export function sanctionReviewCsv(report: SanctionReviewReport, locale: ReportLocale = 'en'): string {
  const words = WORDS[locale];
  const { parameters, basis } = report.header;
  const name = (code: string) => {
    const type = findSanctionType(code);
    return type ? `${code} (${locale === 'da' ? type.nameDa : type.name})` : code;
  };
  const kroner = (ore: number) => formatKroner(ore, locale);
  const figures = (label: string, f: SanctionReviewReport['total']) => [
    label,
    formatInteger(f.citizens, locale),
    formatInteger(f.sanctions, locale),
    formatInteger(f.citizensWithError, locale),
    kroner(f.repayment.assessedOre),
    kroner(f.repayment.scheduledOre),
    kroner(f.repayment.paidOre),
    formatPercent(f.citizensWithError, f.citizens, locale),
  ];
  const sections: CsvSection[] = [
    { columns: words.columns, rows: [...report.rows.map((row) => figures(words.sources[row.source], row)), figures(words.total, report.total)] },
  ];
  if (parameters.includeCitizens) {
    const rows = report.rows.flatMap((row) =>
      (row.citizenDetails ?? []).map((c) => [
        words.sources[row.source],
        c.citizenRef,
        c.caseIds.join(' '),
        c.sanctionIds.join(' '),
        c.sanctionIdsInError.join(' '),
        kroner(c.repayment.assessedOre),
        kroner(c.repayment.scheduledOre),
        kroner(c.repayment.paidOre),
      ]),
    );
    sections.push({ title: words.citizensTitle, columns: words.citizenColumns, rows });
  }
  return renderCsv(
    {
      header: [
        [words.labels.report, `${words.title} (${report.header.report} v${report.header.version})`],
        [words.labels.sanctionTypes, parameters.sanctionTypes.map(name).join(', ')],
        [words.labels.breach, words.window(parameters.breachFrom, parameters.breachTo)],
        [words.labels.knownOn, words.knownOn(parameters.knownOn, basis.recordedCutoff)],
        [words.labels.position, words.position(basis.position)],
        [words.labels.computedFrom, words.computedFrom(basis.streamsRead, basis.eventsFolded)],
        [words.labels.precedence, words.precedence],
        [words.labels.repayment, words.repayment],
        [words.labels.rounding, words.rounding],
      ],
      sections,
    },
    locale,
  );
}
