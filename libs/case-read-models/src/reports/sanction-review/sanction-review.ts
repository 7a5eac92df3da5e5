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
 * A case as the table counts it, whatever the criteria: what `caseFigures` makes of its state. Two
 * flat arrays, because the citizen-cases projection stores them for every case version and a
 * report parses tens of thousands of them (few objects to make):
 * - `figures`: the citizen (the pseudonymous reference, or `case:<caseId>` for a case without one),
 *   the case's discovery sources (each once, in the order first recorded), then six values per
 *   sanction, in order of sanction id: sanctionType, breachDate, reviewed in ERROR, and its share
 *   of every repayment of its case, in øre: assessed, scheduled, paid;
 * - `ids`: the case id, then the sanctions' ids in the same order; only the list of the citizens
 *   behind each row reads them, and null when they were not read.
 */
export interface CaseFigures {
  readonly figures: readonly (string | boolean | number | readonly DiscoverySource[])[];
  readonly ids: readonly (string | null)[] | null;
}

const CITIZEN = 0;
const SOURCES = 1;
const FIRST_SANCTION = 2;
const SANCTION_WIDTH = 6;
const TYPE = 0;
const BREACH = 1;
const IN_ERROR = 2;
const ASSESSED = 3;
const SCHEDULED = 4;
const PAID = 5;

/**
 * A citizen's counted sanctions, summed as they are taken in. `row` is the citizen's line in the
 * list of citizens, filled as it goes (its id lists only when that list is asked for) and given out
 * as it is: its keys in sorted order.
 */
interface CitizenTally {
  /** Bit i set when the citizen was found by DISCOVERY_SOURCES[i]. */
  sources: number;
  sanctions: number;
  withError: boolean;
  readonly row: {
    readonly caseIds: string[];
    readonly citizenRef: string;
    readonly repayment: { assessedOre: number; paidOre: number; scheduledOre: number };
    readonly sanctionIds: string[];
    readonly sanctionIdsInError: string[];
  };
}

/** The id lists of a tally whose ids are not kept: never added to. */
const NO_IDS: string[] = [];

const NO_REPAYMENT: RepaymentFigures = { assessedOre: 0, paidOre: 0, scheduledOre: 0 };

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
 * What the table needs of a case, independent of the criteria (see CaseFigures): each sanction with
 * its share of the case's repayments (each repayment split over the sanctions it covers in
 * proportion to what each deducted, largest remainder, whole øre), by the repayment's status. Null
 * for a case never opened (status NONE), which the table leaves out.
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
  const figures: CaseFigures['figures'][number][] = [state.citizenRef ?? `case:${state.caseId}`, [...new Set(state.discoveries.map((d) => d.source))]];
  const ids: (string | null)[] = [state.caseId];
  // By sanction id: the order of a stored state's keys is not the order they were added in.
  for (const s of Object.values(state.sanctions).sort((a, b) => compareText(a.sanctionId, b.sanctionId))) {
    const [assessed, scheduled, paid] = shares.get(s.sanctionId) ?? [0, 0, 0];
    figures.push(s.sanctionType, s.breachDate, s.review?.outcome === 'ERROR', assessed, scheduled, paid);
    ids.push(s.sanctionId);
  }
  return { figures, ids };
}

/**
 * The table from the cases' figures (see countSanctionReview), taken in one at a time: a case's
 * figures are no longer needed once counted. Every object is built with its keys in sorted order,
 * so that canonical JSON writes it as JSON.stringify would (its fast path).
 */
export function countCaseFigures(cases: Iterable<CaseFigures>, criteria: SanctionReviewCriteria): SanctionReviewTable {
  const types = new Set(criteria.sanctionTypes);
  const { breachFrom, breachTo, includeCitizens } = criteria;
  const citizens = new Map<string, CitizenTally>();
  for (const { figures, ids } of cases) {
    if (includeCitizens && ids === null) throw new Error('The list of citizens needs the ids of the cases and sanctions');
    const citizenRef = figures[CITIZEN] as string;
    let tally = citizens.get(citizenRef);
    if (tally === undefined) {
      const repayment = { assessedOre: 0, paidOre: 0, scheduledOre: 0 };
      const row = includeCitizens
        ? { caseIds: [], citizenRef, repayment, sanctionIds: [], sanctionIdsInError: [] }
        : { caseIds: NO_IDS, citizenRef, repayment, sanctionIds: NO_IDS, sanctionIdsInError: NO_IDS };
      tally = { sources: 0, sanctions: 0, withError: false, row };
      citizens.set(citizenRef, tally);
    }
    const { row } = tally;
    if (includeCitizens && ids![0] !== null) row.caseIds.push(ids![0]);
    for (const source of figures[SOURCES] as readonly DiscoverySource[]) {
      const precedence = DISCOVERY_SOURCES.indexOf(source);
      if (precedence >= 0) tally.sources |= 1 << precedence;
    }
    for (let at = FIRST_SANCTION, n = 1; at < figures.length; at += SANCTION_WIDTH, n++) {
      const breach = figures[at + BREACH] as string;
      if (!types.has(figures[at + TYPE] as string) || (breachFrom !== null && breach < breachFrom) || (breachTo !== null && breach > breachTo)) continue;
      const inError = figures[at + IN_ERROR] === true;
      tally.sanctions++;
      row.repayment.assessedOre += figures[at + ASSESSED] as number;
      row.repayment.scheduledOre += figures[at + SCHEDULED] as number;
      row.repayment.paidOre += figures[at + PAID] as number;
      if (inError) tally.withError = true;
      if (includeCitizens) {
        row.sanctionIds.push(ids![n]!);
        if (inError) row.sanctionIdsInError.push(ids![n]!);
      }
    }
  }

  // Members by row: DISCOVERY_SOURCES in order of precedence, then NOT_IDENTIFIED.
  const sources: readonly SanctionReviewSource[] = [...DISCOVERY_SOURCES, NOT_IDENTIFIED];
  const members: CitizenTally[][] = sources.map(() => []);
  for (const tally of citizens.values()) {
    if (tally.sanctions === 0) continue;
    // The lowest bit set is the source first in precedence; none set is NOT_IDENTIFIED.
    members[tally.sources === 0 ? DISCOVERY_SOURCES.length : 31 - Math.clz32(tally.sources & -tally.sources)].push(tally);
  }
  const rows: SanctionReviewRow[] = [];
  sources.forEach((source, i) => {
    if (source !== NOT_IDENTIFIED || members[i].length > 0) rows.push(row(source, members[i], includeCitizens));
  });
  let citizensTotal = 0;
  let sanctions = 0;
  let citizensWithError = 0;
  let repayment = NO_REPAYMENT;
  for (const r of rows) {
    citizensTotal += r.citizens;
    sanctions += r.sanctions;
    citizensWithError += r.citizensWithError;
    repayment = add(repayment, r.repayment);
  }
  return { rows, total: { citizens: citizensTotal, citizensWithError, repayment, sanctions } };
}

function row(source: SanctionReviewSource, tallies: readonly CitizenTally[], includeCitizens: boolean): SanctionReviewRow {
  let sanctions = 0;
  let citizensWithError = 0;
  let assessedOre = 0;
  let scheduledOre = 0;
  let paidOre = 0;
  for (const tally of tallies) {
    sanctions += tally.sanctions;
    if (tally.withError) citizensWithError++;
    assessedOre += tally.row.repayment.assessedOre;
    scheduledOre += tally.row.repayment.scheduledOre;
    paidOre += tally.row.repayment.paidOre;
  }
  const repayment: RepaymentFigures = { assessedOre, paidOre, scheduledOre };
  if (!includeCitizens) return { citizens: tallies.length, citizensWithError, repayment, sanctions, source };
  for (const { row: line } of tallies) {
    sortIds(line.caseIds);
    sortIds(line.sanctionIds);
    sortIds(line.sanctionIdsInError);
  }
  const citizenDetails: CitizenBehindRow[] = tallies.map((t) => t.row).sort((a, b) => compareText(a.citizenRef, b.citizenRef));
  return { citizenDetails, citizens: tallies.length, citizensWithError, repayment, sanctions, source };
}

/** Sorts the ids in place in compareText's order (most lists hold one id or none). */
function sortIds(ids: string[]): void {
  if (ids.length > 1) ids.sort(compareText);
}

function add(a: RepaymentFigures, b: RepaymentFigures): RepaymentFigures {
  return { assessedOre: a.assessedOre + b.assessedOre, paidOre: a.paidOre + b.paidOre, scheduledOre: a.scheduledOre + b.scheduledOre };
}
