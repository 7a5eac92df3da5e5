import { DISCOVERY_SOURCES, type CitizenCaseState, type DiscoverySource, type Repayment, type ReviewOutcome, type Sanction } from '@casetrail/case-management';
import { allocateRepayment } from '../../citizen-cases/repayment-allocation';
import { compareText } from '../../projection/compare-text';

/** A citizen with a counted sanction but no discovery source recorded: a row only when there is one. */
export const NOT_IDENTIFIED = 'NOT_IDENTIFIED';
export type SanctionReviewSource = DiscoverySource | typeof NOT_IDENTIFIED;

/** Integer øre. `assessedOre` is every repayment assessed: paid, scheduled, or neither yet. */
export interface RepaymentFigures {
  readonly assessedOre: number;
  /** Scheduled for payment, not yet paid. */
  readonly scheduledOre: number;
  /** Issued. */
  readonly paidOre: number;
}

export interface SanctionReviewFigures {
  readonly citizens: number;
  readonly sanctions: number;
  readonly citizensWithError: number;
  readonly repayment: RepaymentFigures;
}

/** One citizen behind a row's figures (pseudonymous; cleared roles only). */
export interface CitizenBehindRow {
  readonly citizenRef: string;
  readonly caseIds: readonly string[];
  /** The counted sanctions, and those of them a review found in error. */
  readonly sanctionIds: readonly string[];
  readonly sanctionIdsInError: readonly string[];
  readonly repayment: RepaymentFigures;
}

export interface SanctionReviewRow extends SanctionReviewFigures {
  readonly source: SanctionReviewSource;
  readonly citizenDetails?: readonly CitizenBehindRow[];
}

export interface SanctionReviewTable {
  /** One row per discovery source in order of precedence, then NOT_IDENTIFIED if any. */
  readonly rows: readonly SanctionReviewRow[];
  readonly total: SanctionReviewFigures;
}

export interface SanctionReviewCriteria {
  readonly sanctionTypes: readonly string[];
  readonly breachFrom: string | null;
  readonly breachTo: string | null;
  readonly includeCitizens: boolean;
}

/** What the table reads of a sanction. */
export type ReviewedSanction = Pick<Sanction, 'sanctionId' | 'sanctionType' | 'breachDate' | 'amountDeductedOre'> & {
  readonly review: { readonly outcome: ReviewOutcome } | null;
};

/** What the table reads of a repayment. */
export type ReviewedRepayment = Pick<Repayment, 'amountOre' | 'status' | 'sanctionIds'>;

/**
 * What the table reads of a citizen case: a CitizenCaseState as the write side folds it, or the
 * summary of one that the citizen-cases projection keeps (sanction-review-versions.ts). A case
 * whose `status` is NONE (never opened) is left out.
 */
export interface SanctionReviewCase {
  readonly status?: CitizenCaseState['status'];
  readonly caseId: string | null;
  readonly citizenRef: string | null;
  readonly discoveries: readonly { readonly source: DiscoverySource }[];
  readonly sanctions: Readonly<Record<string, ReviewedSanction>>;
  readonly repayments: Readonly<Record<string, ReviewedRepayment>>;
}

/**
 * A sanction as the table counts it: [sanctionId, sanctionType, breachDate, reviewed in ERROR,
 * assessedOre, scheduledOre, paidOre], the øre being its share of every repayment of its case.
 * A tuple, because the citizen-cases projection stores one per sanction of every case version.
 */
export type SanctionFigures = readonly [string, string, string, boolean, number, number, number];

/** A case as the table counts it, whatever the criteria: what `caseFigures` makes of its state. */
export interface CaseFigures {
  readonly caseId: string | null;
  readonly citizenRef: string | null;
  /** Each discovery source once, in the order first recorded. */
  readonly sources: readonly DiscoverySource[];
  /** In the state's order. */
  readonly sanctions: readonly SanctionFigures[];
}

interface CitizenTally {
  readonly citizenRef: string;
  readonly caseIds: string[];
  readonly sources: Set<DiscoverySource>;
  readonly counted: SanctionFigures[];
}

const NO_REPAYMENT: RepaymentFigures = { assessedOre: 0, scheduledOre: 0, paidOre: 0 };
const ID = 0;
const TYPE = 1;
const BREACH = 2;
const IN_ERROR = 3;
const ASSESSED = 4;
const SCHEDULED = 5;
const PAID = 6;

/**
 * The sanction review table from case states (as the write side folds them, or their summaries):
 * - a sanction counts when its type is one of `sanctionTypes` and its breach date is in the window;
 * - a citizen (by pseudonymous reference, over all their cases) counts when they have a counted
 *   sanction, in the row of the first of their discovery sources in order of precedence
 *   (DISCOVERY_SOURCES: practice survey, excluded by Ankestyrelsen, own methods, national extract);
 * - a citizen is "with error" when a review found one of their counted sanctions in ERROR;
 * - repayments: every repayment assessed for a counted sanction; one that also repays sanctions
 *   not counted counts with the counted sanctions' share, split in proportion to what each deducted
 *   (largest remainder, whole øre).
 */
export function countSanctionReview(cases: readonly SanctionReviewCase[], criteria: SanctionReviewCriteria): SanctionReviewTable {
  const figures: CaseFigures[] = [];
  for (const state of cases) {
    const f = caseFigures(state);
    if (f !== null) figures.push(f);
  }
  return countCaseFigures(figures, criteria);
}

/**
 * What the table needs of a case, independent of the criteria: each sanction with its share of
 * the case's repayments (each repayment split over the sanctions it covers in proportion to what
 * each deducted, largest remainder, whole øre), by the repayment's status. Null for a case never
 * opened (status NONE), which the table leaves out.
 */
export function caseFigures(state: SanctionReviewCase): CaseFigures | null {
  if (state.status === 'NONE') return null;
  const shares = new Map<string, [number, number, number]>();
  for (const repayment of Object.values(state.repayments)) {
    const covered = repayment.sanctionIds.filter((id) => state.sanctions[id]);
    const split = allocateRepayment(repayment.amountOre, covered.map((id) => state.sanctions[id].amountDeductedOre));
    covered.forEach((id, i) => {
      const entry = shares.get(id) ?? [0, 0, 0];
      entry[0] += split[i];
      if (repayment.status === 'SCHEDULED') entry[1] += split[i];
      if (repayment.status === 'ISSUED') entry[2] += split[i];
      shares.set(id, entry);
    });
  }
  return {
    caseId: state.caseId,
    citizenRef: state.citizenRef,
    sources: [...new Set(state.discoveries.map((d) => d.source))],
    // By sanction id: the order of a stored state's keys is not the order they were added in.
    sanctions: Object.values(state.sanctions)
      .sort((a, b) => compareText(a.sanctionId, b.sanctionId))
      .map((s): SanctionFigures => {
        const [assessed, scheduled, paid] = shares.get(s.sanctionId) ?? [0, 0, 0];
        return [s.sanctionId, s.sanctionType, s.breachDate, s.review?.outcome === 'ERROR', assessed, scheduled, paid];
      }),
  };
}

/** The table from the cases' figures (see countSanctionReview). */
export function countCaseFigures(cases: readonly CaseFigures[], criteria: SanctionReviewCriteria): SanctionReviewTable {
  const types = new Set(criteria.sanctionTypes);
  const counts = (sanction: SanctionFigures) =>
    types.has(sanction[TYPE]) &&
    (criteria.breachFrom === null || sanction[BREACH] >= criteria.breachFrom) &&
    (criteria.breachTo === null || sanction[BREACH] <= criteria.breachTo);

  const citizens = new Map<string, CitizenTally>();
  for (const figures of cases) {
    const citizenRef = figures.citizenRef ?? `case:${figures.caseId}`;
    let tally = citizens.get(citizenRef);
    if (!tally) {
      tally = { citizenRef, caseIds: [], sources: new Set(), counted: [] };
      citizens.set(citizenRef, tally);
    }
    if (figures.caseId !== null) tally.caseIds.push(figures.caseId);
    for (const source of figures.sources) tally.sources.add(source);
    for (const sanction of figures.sanctions) if (counts(sanction)) tally.counted.push(sanction);
  }

  const sources: SanctionReviewSource[] = [...DISCOVERY_SOURCES, NOT_IDENTIFIED];
  const members = new Map<SanctionReviewSource, CitizenTally[]>(sources.map((source) => [source, []]));
  for (const tally of citizens.values()) {
    if (tally.counted.length === 0) continue;
    const source = DISCOVERY_SOURCES.find((s) => tally.sources.has(s)) ?? NOT_IDENTIFIED;
    members.get(source)!.push(tally);
  }
  const rows = sources
    .filter((source) => source !== NOT_IDENTIFIED || members.get(source)!.length > 0)
    .map((source) => row(source, members.get(source)!, criteria.includeCitizens));
  const total = rows.reduce<SanctionReviewFigures>(
    (sum, r) => ({
      citizens: sum.citizens + r.citizens,
      sanctions: sum.sanctions + r.sanctions,
      citizensWithError: sum.citizensWithError + r.citizensWithError,
      repayment: add(sum.repayment, r.repayment),
    }),
    { citizens: 0, sanctions: 0, citizensWithError: 0, repayment: NO_REPAYMENT },
  );
  return { rows, total };
}

function repaymentOf(counted: readonly SanctionFigures[]): RepaymentFigures {
  let assessedOre = 0;
  let scheduledOre = 0;
  let paidOre = 0;
  for (const s of counted) {
    assessedOre += s[ASSESSED];
    scheduledOre += s[SCHEDULED];
    paidOre += s[PAID];
  }
  return { assessedOre, scheduledOre, paidOre };
}

function row(source: SanctionReviewSource, tallies: readonly CitizenTally[], includeCitizens: boolean): SanctionReviewRow {
  const inError = (tally: CitizenTally) => tally.counted.filter((s) => s[IN_ERROR]);
  const figures: SanctionReviewRow = {
    source,
    citizens: tallies.length,
    sanctions: tallies.reduce((sum, t) => sum + t.counted.length, 0),
    citizensWithError: tallies.filter((t) => t.counted.some((s) => s[IN_ERROR])).length,
    repayment: tallies.reduce((sum, t) => add(sum, repaymentOf(t.counted)), NO_REPAYMENT),
  };
  if (!includeCitizens) return figures;
  const citizenDetails = [...tallies]
    .sort((a, b) => compareText(a.citizenRef, b.citizenRef))
    .map((t) => ({
      citizenRef: t.citizenRef,
      caseIds: [...t.caseIds].sort(compareText),
      sanctionIds: t.counted.map((s) => s[ID]).sort(compareText),
      sanctionIdsInError: inError(t).map((s) => s[ID]).sort(compareText),
      repayment: repaymentOf(t.counted),
    }));
  return { ...figures, citizenDetails };
}

function add(a: RepaymentFigures, b: RepaymentFigures): RepaymentFigures {
  return { assessedOre: a.assessedOre + b.assessedOre, scheduledOre: a.scheduledOre + b.scheduledOre, paidOre: a.paidOre + b.paidOre };
}
