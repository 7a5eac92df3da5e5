import { DISCOVERY_SOURCES, type AnswerReport, type DiscoverySource } from '@casetrail/case-management';
import { REPORT_TIME_ZONE } from '../report-basis/known-on';
import type { SanctionReviewParameters } from './sanction-review.parameters';
import type { SanctionReviewFigures, SanctionReviewRow, SanctionReviewTable } from './sanction-review';

export const SANCTION_REVIEW_REPORT = 'SANCTION_REVIEW';
/**
 * Raised whenever what the JSON holds, or how it is counted, changes: an answer stored with another
 * version is no longer reproduced byte for byte by this code (REPORT.VERSION_RETIRED).
 */
export const SANCTION_REVIEW_VERSION = 1;

/**
 * The rules the figures follow, as codes (their wording is in the CSV header and
 * docs/reports/sanction-review.md), so that the JSON of a stored answer never depends on prose.
 */
export const SANCTION_REVIEW_RULES = {
  precedence: DISCOVERY_SOURCES,
  sanctionCounted: 'TYPE_IN_SANCTION_TYPES_AND_BREACH_DATE_IN_WINDOW',
  citizenWithError: 'A_COUNTED_SANCTION_REVIEWED_ERROR',
  repayment: 'ASSESSED_INCLUDES_SCHEDULED_AND_PAID',
  rounding: 'EXACT_ORE_NO_ROUNDING; SHARED_REPAYMENT_SPLIT_BY_DEDUCTED_LARGEST_REMAINDER_WHOLE_ORE; DISPLAY_KRONER_AND_PERCENT_HALF_UP',
} as const;

/** Where the figures come from: the citizen-case events, never the read models. */
export interface SanctionReviewBasis {
  /** The global position the log was read through (decimal). */
  readonly position: string;
  /** Inclusive recorded-time cutoff, ISO 8601 UTC. */
  readonly recordedCutoff: string;
  readonly timeZone: typeof REPORT_TIME_ZONE;
  readonly computedFrom: 'EVENTS';
  readonly streamPrefix: string;
  /** Citizen-case streams with at least one event taken in, and those events. */
  readonly streamsRead: number;
  readonly eventsFolded: number;
}

export interface SanctionReviewReport {
  readonly header: {
    readonly report: typeof SANCTION_REVIEW_REPORT;
    readonly version: number;
    readonly parameters: SanctionReviewParameters;
    readonly basis: SanctionReviewBasis;
    readonly rules: {
      readonly precedence: readonly DiscoverySource[];
      readonly sanctionCounted: string;
      readonly citizenWithError: string;
      readonly repayment: string;
      readonly rounding: string;
    };
  };
  readonly rows: readonly SanctionReviewRow[];
  readonly total: SanctionReviewFigures;
}

/**
 * The report: a pure function of the parameters and the basis. It holds no time of computation and
 * no user, so recomputing it at the same position and cutoff gives the same canonical JSON.
 */
export function buildSanctionReviewReport(
  parameters: SanctionReviewParameters,
  basis: Omit<SanctionReviewBasis, 'timeZone' | 'computedFrom'>,
  table: SanctionReviewTable,
): SanctionReviewReport {
  return {
    header: {
      report: SANCTION_REVIEW_REPORT,
      version: SANCTION_REVIEW_VERSION,
      parameters,
      basis: { ...basis, timeZone: REPORT_TIME_ZONE, computedFrom: 'EVENTS' },
      rules: { ...SANCTION_REVIEW_RULES, precedence: [...SANCTION_REVIEW_RULES.precedence] },
    },
    rows: table.rows,
    total: table.total,
  };
}

/** The report as an inquiry's answer stores it: its JSON with its parameters, position and cutoff beside it. */
export function toAnswerReport(report: SanctionReviewReport): AnswerReport {
  const { parameters, basis } = report.header;
  return {
    kind: report.header.report,
    parameters: { ...parameters },
    position: basis.position,
    recordedCutoff: basis.recordedCutoff,
    report: report as unknown as Readonly<Record<string, unknown>>,
  };
}
