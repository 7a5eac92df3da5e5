import {
  CITIZEN_CASE_STREAM_PREFIX,
  DISCOVERY_SOURCES,
  citizenCase,
  findSanctionType,
  type CitizenCaseState,
} from '@casetrail/case-management';
import type { RecordedEvent } from '@casetrail/event-store';
import { compareText } from '../projection/compare-text';
import { foldStreams, type FoldedStream } from '../projection/folded-streams';
import type { Projection, ProjectionContext } from '../projection/projection';
import {
  SANCTION_REVIEW_CASES,
  SANCTION_REVIEW_SUMMARIES,
  SANCTION_REVIEW_TABLES,
  SANCTION_REVIEW_VERSIONS,
  SanctionReviewVersions,
} from '../reports/sanction-review/sanction-review-versions';
import { allocateRepayment } from './repayment-allocation';

/**
 * Case summary, sanction register and appeals register, all derived from each case's state as the
 * write side folds it, and the sanction review's versions of each case (sanction-review-versions.ts). The
 * state is kept in `case_summary.state`, so that a batch only reads the cases it touches.
 */
export const citizenCasesProjection: Projection = {
  name: 'citizen-cases',
  tables: ['case_summary', 'sanction_register', 'appeals_register', ...SANCTION_REVIEW_TABLES],
  filter: { streamPrefixes: [CITIZEN_CASE_STREAM_PREFIX] },
  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const tracked = await context.storedRows(SANCTION_REVIEW_CASES, [...new Set(events.map((e) => e.streamName))]);
    const versions = new SanctionReviewVersions(tracked);
    const folded = (await foldStreams(context, 'case_summary', citizenCase, events, versions.observe)).filter(
      (f) => f.state.status !== 'NONE',
    );
    await context.upsertRows('case_summary', ['case_id'], folded.map(summaryRow));
    await context.upsertRows('sanction_register', ['sanction_id'], folded.flatMap(sanctionRows));
    await context.upsertRows('appeals_register', ['appeal_id'], folded.flatMap(appealRows));
    await context.upsertRows(SANCTION_REVIEW_VERSIONS, ['stream_name', 'revision'], versions.versions, 'nothing');
    await context.upsertRows(SANCTION_REVIEW_SUMMARIES, ['stream_name', 'revision'], versions.summaries, 'nothing');
    await context.upsertRows(SANCTION_REVIEW_CASES, ['stream_name'], versions.cases());
  },
};

function summaryRow({ streamName, state, revision, lastPosition, lastRecordedAt }: FoldedStream<CitizenCaseState>) {
  const sanctions = Object.values(state.sanctions);
  return {
    case_id: state.caseId,
    stream_name: streamName,
    case_number: state.caseNumber?.value,
    case_number_format: state.caseNumber?.format,
    kle_subject: state.caseNumber?.kle?.subject ?? null,
    citizen_ref: state.citizenRef,
    legal_area: state.legalArea,
    owning_unit: state.owningUnit,
    status: state.status,
    opened_on: state.openedOn,
    closed_on: state.closure?.closedOn ?? null,
    closure_reason: state.closure?.reason ?? null,
    sanction_count: sanctions.length,
    sanctions_in_error: sanctions.filter((s) => s.review?.outcome === 'ERROR').length,
    repayment_assessed_ore: Object.values(state.repayments).reduce((sum, r) => sum + r.amountOre, 0),
    appeal_count: Object.keys(state.appeals).length,
    revision,
    last_position: lastPosition.toString(),
    last_recorded_at: lastRecordedAt,
    state,
  };
}

function sanctionRows({ state }: FoldedStream<CitizenCaseState>) {
  const sources = DISCOVERY_SOURCES.filter((source) => state.discoveries.some((d) => d.source === source));
  const repaid = repaymentShares(state);
  return Object.values(state.sanctions).map((s) => {
    const appeals = Object.values(state.appeals).filter((a) => a.sanctionIds.includes(s.sanctionId) && a.outcome !== null);
    const latestAppeal = appeals
      .sort((a, b) => compareText(String(a.decidedOn), String(b.decidedOn)) || compareText(a.appealId, b.appealId))
      .at(-1);
    const share = repaid.get(s.sanctionId) ?? { ASSESSED: 0, SCHEDULED: 0, ISSUED: 0, total: 0 };
    return {
      sanction_id: s.sanctionId,
      case_id: state.caseId,
      case_number: state.caseNumber?.value,
      citizen_ref: state.citizenRef,
      legal_area: state.legalArea,
      sanction_type: s.sanctionType,
      stricter: findSanctionType(s.sanctionType)?.stricter ?? false,
      law: s.legalBasis.law,
      paragraph: s.legalBasis.paragraph,
      subsection: s.legalBasis.subsection,
      legal_basis_version: s.legalBasis.version,
      breach_date: s.breachDate,
      period_from: s.period.from,
      period_to: s.period.to,
      amount_deducted_ore: s.amountDeductedOre,
      decided_on: s.decidedOn,
      review_outcome: s.review?.outcome ?? null,
      error_categories: s.review?.errorCategories ?? [],
      would_change_on_appeal: s.review?.wouldChangeOnAppeal ?? null,
      reviewed_on: s.review?.reviewedOn ?? null,
      discovery_sources: sources,
      repayment_assessed_ore: share.total,
      repayment_scheduled_ore: share.SCHEDULED,
      repayment_paid_ore: share.ISSUED,
      appeal_outcome: latestAppeal?.outcome ?? null,
      corrected: s.eventIds.length > (s.review ? 2 : 1),
    };
  });
}

/** Each sanction's share of the repayments that cover it, by repayment status. */
function repaymentShares(state: CitizenCaseState): Map<string, { ASSESSED: number; SCHEDULED: number; ISSUED: number; total: number }> {
  const shares = new Map<string, { ASSESSED: number; SCHEDULED: number; ISSUED: number; total: number }>();
  for (const repayment of Object.values(state.repayments)) {
    const covered = repayment.sanctionIds.filter((id) => state.sanctions[id]);
    const split = allocateRepayment(repayment.amountOre, covered.map((id) => state.sanctions[id].amountDeductedOre));
    covered.forEach((id, i) => {
      const entry = shares.get(id) ?? { ASSESSED: 0, SCHEDULED: 0, ISSUED: 0, total: 0 };
      entry[repayment.status] += split[i];
      entry.total += split[i];
      shares.set(id, entry);
    });
  }
  return shares;
}

function appealRows({ state }: FoldedStream<CitizenCaseState>) {
  return Object.values(state.appeals).map((a) => ({
    appeal_id: a.appealId,
    case_id: state.caseId,
    case_number: state.caseNumber?.value,
    legal_area: state.legalArea,
    sanction_ids: a.sanctionIds,
    lodged_on: a.lodgedOn,
    decided_on: a.decidedOn,
    outcome: a.outcome,
  }));
}
