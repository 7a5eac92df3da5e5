import { DISCOVERY_SOURCES, type CitizenCaseState, type DiscoverySource, type Sanction } from '@casetrail/case-management';
import { allocateRepayment } from '../../citizen-cases/repayment-allocation';

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

interface CitizenTally {
  readonly citizenRef: string;
  readonly caseIds: string[];
  readonly sources: Set<DiscoverySource>;
  readonly counted: Sanction[];
  repayment: RepaymentFigures;
}

const NO_REPAYMENT: RepaymentFigures = { assessedOre: 0, scheduledOre: 0, paidOre: 0 };

/**
 * The sanction review table from case states (as the write side folds them):
 * - a sanction counts when its type is one of `sanctionTypes` and its breach date is in the window;
 * - a citizen (by pseudonymous reference, over all their cases) counts when they have a counted
 *   sanction, in the row of the first of their discovery sources in order of precedence
 *   (DISCOVERY_SOURCES: practice survey, excluded by Ankestyrelsen, own methods, national extract);
 * - a citizen is "with error" when a review found one of their counted sanctions in ERROR;
 * - repayments: every repayment assessed for a counted sanction; one that also repays sanctions
 *   not counted counts with the counted sanctions' share, split in proportion to what each deducted
 *   (largest remainder, whole øre).
 */
export function countSanctionReview(cases: readonly CitizenCaseState[], criteria: SanctionReviewCriteria): SanctionReviewTable {
  const counts = (sanction: Sanction) =>
    criteria.sanctionTypes.includes(sanction.sanctionType) &&
    (criteria.breachFrom === null || sanction.breachDate >= criteria.breachFrom) &&
    (criteria.breachTo === null || sanction.breachDate <= criteria.breachTo);

  const citizens = new Map<string, CitizenTally>();
  for (const state of cases) {
    if (state.status === 'NONE') continue;
    const citizenRef = state.citizenRef ?? `case:${state.caseId}`;
    const tally = citizens.get(citizenRef) ?? { citizenRef, caseIds: [], sources: new Set(), counted: [], repayment: NO_REPAYMENT };
    citizens.set(citizenRef, tally);
    if (state.caseId !== null) tally.caseIds.push(state.caseId);
    state.discoveries.forEach((d) => tally.sources.add(d.source));
    const counted = Object.values(state.sanctions).filter(counts);
    tally.counted.push(...counted);
    tally.repayment = add(tally.repayment, countedRepayment(state, new Set(counted.map((s) => s.sanctionId))));
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

function row(source: SanctionReviewSource, tallies: readonly CitizenTally[], includeCitizens: boolean): SanctionReviewRow {
  const inError = (tally: CitizenTally) => tally.counted.filter((s) => s.review?.outcome === 'ERROR');
  const figures: SanctionReviewRow = {
    source,
    citizens: tallies.length,
    sanctions: tallies.reduce((sum, t) => sum + t.counted.length, 0),
    citizensWithError: tallies.filter((t) => inError(t).length > 0).length,
    repayment: tallies.reduce((sum, t) => add(sum, t.repayment), NO_REPAYMENT),
  };
  if (!includeCitizens) return figures;
  const citizenDetails = [...tallies]
    .sort((a, b) => compare(a.citizenRef, b.citizenRef))
    .map((t) => ({
      citizenRef: t.citizenRef,
      caseIds: [...t.caseIds].sort(compare),
      sanctionIds: t.counted.map((s) => s.sanctionId).sort(compare),
      sanctionIdsInError: inError(t).map((s) => s.sanctionId).sort(compare),
      repayment: t.repayment,
    }));
  return { ...figures, citizenDetails };
}

/** The counted sanctions' share of each repayment in the case, by the repayment's status. */
function countedRepayment(state: CitizenCaseState, counted: ReadonlySet<string>): RepaymentFigures {
  let figures = NO_REPAYMENT;
  if (counted.size === 0) return figures;
  for (const repayment of Object.values(state.repayments)) {
    const covered = repayment.sanctionIds.filter((id) => state.sanctions[id]);
    const shares = allocateRepayment(repayment.amountOre, covered.map((id) => state.sanctions[id].amountDeductedOre));
    const share = covered.reduce((sum, id, i) => (counted.has(id) ? sum + shares[i] : sum), 0);
    if (share === 0) continue;
    figures = add(figures, {
      assessedOre: share,
      scheduledOre: repayment.status === 'SCHEDULED' ? share : 0,
      paidOre: repayment.status === 'ISSUED' ? share : 0,
    });
  }
  return figures;
}

function add(a: RepaymentFigures, b: RepaymentFigures): RepaymentFigures {
  return { assessedOre: a.assessedOre + b.assessedOre, scheduledOre: a.scheduledOre + b.scheduledOre, paidOre: a.paidOre + b.paidOre };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
