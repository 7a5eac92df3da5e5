import { APPEAL_OUTCOMES, LEGAL_AREAS, type AppealOutcome, type LegalArea } from '@casetrail/case-management';
import { compareText } from '../../projection/compare-text';
import { largestRemainderShares, percentHalfUp, type Fraction } from '../format/rounding';

export type StatisticsPeriod = 'quarter' | 'year';
export const STATISTICS_PERIODS: readonly StatisticsPeriod[] = ['quarter', 'year'];

/** An appeal Ankestyrelsen has decided, as the appeals register holds it. */
export interface DecidedAppeal {
  readonly appealId: string;
  readonly legalArea: string;
  readonly decidedOn: string;
  readonly outcome: AppealOutcome;
}

/** A figure from outside, shown beside the municipality's own and labelled as imported evidence. */
export interface ComparatorEvidence {
  readonly kind: 'IMPORTED_EVIDENCE';
  readonly comparatorId: string;
  readonly label: string;
  readonly source: string;
  readonly receivedOn: string;
  /** When it was recorded in casetrail, and by whom. */
  readonly importedAt: string;
  readonly importedBy: string;
  readonly legalArea: LegalArea;
  readonly period: { readonly from: string; readonly to: string };
  readonly reversalRatePct: number;
}

export type OutcomeCounts = Readonly<Record<AppealOutcome, number>>;

/** The reversal rate (omgørelsesprocent): its raw fraction, and the percentage rounded half up from it. */
export interface ReversalRate extends Fraction {
  readonly pct: number | null;
}

export interface StatisticsRow {
  /** `2023-Q1` or `2023`; `total` for the row over the whole selection. */
  readonly period: { readonly label: string; readonly from: string; readonly to: string };
  /** null in the total row: every legal area selected. */
  readonly legalArea: string | null;
  readonly decided: number;
  readonly outcomes: OutcomeCounts;
  /** Whole percentages of all decided appeals, dismissed included, adding up to 100; null without appeals. */
  readonly sharesPct: OutcomeCounts | null;
  readonly reversalRate: ReversalRate;
  /** The comparator's rate where it covers this row's legal area and period, else null. */
  readonly comparatorReversalRatePct: number | null;
}

export interface ComplaintStatistics {
  readonly rows: readonly StatisticsRow[];
  readonly total: StatisticsRow;
}

/** Changed, annulled and remitted decisions are reversals; dismissed appeals are left out of the rate. */
const REVERSED: readonly AppealOutcome[] = ['AENDRET', 'OPHAEVET', 'HJEMVIST'];
const RATE_BASE: readonly AppealOutcome[] = ['STADFAESTET', ...REVERSED];

/**
 * (changed + annulled + remitted) / (upheld + changed + annulled + remitted); dismissed (AFVIST)
 * appeals count in neither part.
 */
export function reversalRate(outcomes: OutcomeCounts): ReversalRate {
  const fraction = {
    numerator: REVERSED.reduce((sum, outcome) => sum + outcomes[outcome], 0),
    denominator: RATE_BASE.reduce((sum, outcome) => sum + outcomes[outcome], 0),
  };
  return { ...fraction, pct: percentHalfUp(fraction) };
}

/** Outcome shares in catalogue order (upheld, changed, annulled, remitted, dismissed), adding up to 100. */
export function outcomeShares(outcomes: OutcomeCounts): OutcomeCounts | null {
  const shares = largestRemainderShares(APPEAL_OUTCOMES.map((outcome) => outcomes[outcome]));
  return shares === null ? null : countsFrom((outcome) => shares[APPEAL_OUTCOMES.indexOf(outcome)]);
}

/** The calendar quarter or year a date falls in, with its first and last day. */
export function periodOf(date: string, kind: StatisticsPeriod): { label: string; from: string; to: string } {
  const year = date.slice(0, 4);
  if (kind === 'year') return { label: year, from: `${year}-01-01`, to: `${year}-12-31` };
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const first = String(quarter * 3 - 2).padStart(2, '0');
  const last = String(quarter * 3).padStart(2, '0');
  const lastDay = quarter === 1 || quarter === 4 ? '31' : '30';
  return { label: `${year}-Q${quarter}`, from: `${year}-${first}-01`, to: `${year}-${last}-${lastDay}` };
}

/**
 * Appeals decided, by period (calendar quarter or year of the decision) and legal area: counts by
 * outcome, shares, and the reversal rate with its raw fraction; then the same over the whole
 * selection. Rows are ordered by period, then legal area in catalogue order; only periods and areas
 * with decided appeals get a row. `selection` is the date range asked for, used for the total row.
 */
export function complaintStatistics(
  appeals: readonly DecidedAppeal[],
  kind: StatisticsPeriod,
  selection: { readonly from: string | null; readonly to: string | null },
  comparator: ComparatorEvidence | null = null,
): ComplaintStatistics {
  const groups = new Map<string, { period: ReturnType<typeof periodOf>; legalArea: string; appeals: DecidedAppeal[] }>();
  for (const appeal of appeals) {
    const period = periodOf(appeal.decidedOn, kind);
    const key = `${period.label}|${appeal.legalArea}`;
    const group = groups.get(key) ?? { period, legalArea: appeal.legalArea, appeals: [] };
    group.appeals.push(appeal);
    groups.set(key, group);
  }
  const areaOrder = (area: string) => {
    const index = (LEGAL_AREAS as readonly string[]).indexOf(area);
    return index < 0 ? LEGAL_AREAS.length : index;
  };
  const rows = [...groups.values()]
    .sort((a, b) => compareText(a.period.from, b.period.from) || areaOrder(a.legalArea) - areaOrder(b.legalArea) || compareText(a.legalArea, b.legalArea))
    .map((group) => row(group.period, group.legalArea, group.appeals, comparator));
  const dates = appeals.map((a) => a.decidedOn).sort();
  const totalPeriod = { label: 'total', from: selection.from ?? dates[0] ?? '', to: selection.to ?? dates.at(-1) ?? '' };
  return { rows, total: row(totalPeriod, null, appeals, null) };
}

function row(
  period: { label: string; from: string; to: string },
  legalArea: string | null,
  appeals: readonly DecidedAppeal[],
  comparator: ComparatorEvidence | null,
): StatisticsRow {
  const outcomes = countsFrom((outcome) => appeals.filter((a) => a.outcome === outcome).length);
  const covers = comparator !== null && comparator.legalArea === legalArea && comparator.period.from <= period.from && period.to <= comparator.period.to;
  return {
    period,
    legalArea,
    decided: appeals.length,
    outcomes,
    sharesPct: outcomeShares(outcomes),
    reversalRate: reversalRate(outcomes),
    comparatorReversalRatePct: covers ? comparator.reversalRatePct : null,
  };
}

function countsFrom(count: (outcome: AppealOutcome) => number): OutcomeCounts {
  return Object.fromEntries(APPEAL_OUTCOMES.map((outcome) => [outcome, count(outcome)])) as Record<AppealOutcome, number>;
}
