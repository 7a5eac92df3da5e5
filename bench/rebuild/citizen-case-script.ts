import {
  SANCTION_TYPES,
  findSanctionType,
  isValidOn,
  parseCaseNumber,
  type AppealOutcome,
  type ClosureReason,
  type CorrectionTarget,
  type DiscoverySource,
  type ErrorCategory,
  type LegalArea,
  type LegalBasis,
  type SanctionType,
} from '@casetrail/case-management';
import { dayOf, isoDay, workingInstant, yearOfDay, type Draft, type World } from './generator-world';

const FIRST_BREACH_DAY = dayOf('2014-01-01');
const NEW_RULES_DAY = dayOf('2025-07-01');

const OWNING_UNITS = ['Jobcenter Nord', 'Jobcenter Syd', 'Jobcenter Vest', 'Ydelsescenter', 'Integrationsteamet', 'Ungeenheden'];
const SOURCES: readonly DiscoverySource[] = ['PRACTICE_SURVEY', 'EXCLUDED_BY_ANKESTYRELSEN', 'OWN_METHODS', 'NATIONAL_EXTRACT'];
const ERROR_CATEGORY_WEIGHTS: readonly (readonly [ErrorCategory, number])[] = [
  ['MISSING_WRITTEN_GUIDANCE', 30],
  ['MISSING_HEARING_OF_PARTY', 25],
  ['NO_CONCRETE_ASSESSMENT', 15],
  ['INSUFFICIENT_REASONING', 12],
  ['DEADLINE_EXCEEDED', 8],
  ['WRONG_LEGAL_BASIS', 6],
  ['OTHER', 4],
];
const IDENTIFICATION_NOTES = ['Praksisundersøgelse 2023, liste 2', 'Fundet ved egen gennemgang af sager', 'Udtræk fra STAR', 'Afgørelse hjemvist af Ankestyrelsen'];
const REOPEN_REASONS = ['Yderligere sanktion fundet ved gennemgangen', 'Ny henvendelse fra borgeren', 'Ankestyrelsen har hjemvist sagen'];
const CORRECTION_REASONS = ['Tastefejl ved registrering', 'Forkert enhed registreret', 'Beløbet rettet efter kontrol af udbetalingen', 'Vurderingen er præciseret efter faglig sparring'];

interface SanctionNotes {
  readonly sanctionId: string;
  readonly imposedEventId: string;
  readonly decidedOn: number;
  amountDeductedOre: number;
  review?: { eventId: string; outcome: 'CORRECT' | 'ERROR' };
}

interface RepaymentNotes {
  readonly repaymentId: string;
  readonly sanctionIds: readonly string[];
  readonly amountOre: number;
  readonly assessedOn: number;
  scheduled: boolean;
}

/**
 * One citizen case of the sanction review, event by event, as the deciders would produce them:
 * opened (with the case's historical opening date), the citizen identified by one or two discovery
 * sources, historical sanctions of catalogue types valid on their breach dates (some appealed),
 * perhaps an early closure and a reopening, reviews CORRECT/ERROR with categories, a few
 * corrections, repayments of ERROR sanctions that never exceed what they deducted (assessed,
 * scheduled, issued), and the closure when the review is done. The body between two yields runs
 * when the generator asks for the next event, so `world.now` is that event's recorded time.
 */
export function* citizenCaseScript(world: World, caseId: string): Generator<Draft, void, undefined> {
  const r = world.random;
  const caseworker = `caseworker-${String(r.int(1, 40)).padStart(2, '0')}`;
  const reviewer = `jurist-${r.int(1, 12)}`;
  const draft = (type: string, data: unknown, actor = caseworker, effectiveAt?: string): Draft => ({ id: world.uuid(), type, data, actor, effectiveAt });

  const openedOn = r.int(FIRST_BREACH_DAY, world.today() - 150);
  const legalArea = r.weighted<LegalArea>([['AKTIVLOVEN', 55], ['KONTANTHJAELPSLOVEN', 15], ['LAB', 15], ['INTEGRATIONSLOVEN', 10], ['SYGEDAGPENGELOVEN', 5]]);
  const opened = draft('CaseOpened', {
    caseId,
    caseNumber: parseCaseNumber(world.caseNumber(yearOfDay(openedOn))),
    citizenRef: world.uuid(),
    legalArea,
    owningUnit: r.pick(OWNING_UNITS),
    openedOn: isoDay(openedOn),
  });
  yield opened;

  for (const source of r.sample(SOURCES, r.chance(0.2) ? 2 : 1)) {
    yield draft('CitizenIdentified', { source, identifiedOn: isoDay(world.today()), note: r.chance(0.3) ? r.pick(IDENTIFICATION_NOTES) : null });
  }

  const sanctions: SanctionNotes[] = [];
  const undecidedAppeals: { appealId: string; lodgedOn: number }[] = [];
  function* impose(): Generator<Draft, void, undefined> {
    const breach = r.int(openedOn + 7, Math.max(openedOn + 7, world.today() - 40));
    const type = sanctionTypeFor(breach, r.chance(0.15));
    const decidedOn = breach + r.int(5, 25);
    const from = decidedOn + r.int(1, 14);
    const sanctionId = world.uuid();
    const imposed = draft(
      'SanctionImposed',
      {
        sanctionId,
        sanctionType: type.code,
        breachDate: isoDay(breach),
        period: { from: isoDay(from), to: isoDay(from + r.int(30, 90)) },
        amountDeductedOre: r.int(20, 500) * 5_000,
        decidedOn: isoDay(decidedOn),
        legalBasis: legalBasisOf(type),
      },
      caseworker,
      workingInstant(decidedOn, r),
    );
    yield imposed;
    sanctions.push({ sanctionId, imposedEventId: imposed.id, decidedOn, amountDeductedOre: (imposed.data as { amountDeductedOre: number }).amountDeductedOre });
    if (r.chance(0.18)) {
      const lodgedOn = Math.min(decidedOn + r.int(7, 42), world.today());
      const appealId = world.uuid();
      yield draft('AppealLodged', { appealId, sanctionIds: [sanctionId], lodgedOn: isoDay(lodgedOn) }, caseworker, workingInstant(lodgedOn, r));
      if (r.chance(0.75)) undecidedAppeals.push({ appealId, lodgedOn });
    }
  }

  const sanctionCount = r.weighted([[1, 45], [2, 30], [3, 15], [4, 7], [5, 3]] as const);
  for (let i = 0; i < sanctionCount; i++) yield* impose();

  let closedOn: number | null = null;
  if (r.chance(0.2)) {
    const lastDecision = Math.max(...sanctions.map((s) => s.decidedOn));
    closedOn = r.int(Math.min(lastDecision, world.today()), world.today());
    const reason = r.weighted<ClosureReason>([['SELF_SUPPORTING', 40], ['MOVED_AWAY', 15], ['OTHER_BENEFIT', 25], ['HEALTH', 10], ['IMPRISONED', 3], ['DECEASED', 2]]);
    yield draft('CaseClosed', { reason, closedOn: isoDay(closedOn) }, caseworker, workingInstant(closedOn, r));
    if (r.chance(0.35)) {
      yield draft('CaseReopened', { reason: r.pick(REOPEN_REASONS), reopenedOn: isoDay(world.today()) });
      closedOn = null;
      if (r.chance(0.6)) yield* impose();
    }
  }

  for (const appeal of undecidedAppeals) {
    const decidedOn = Math.min(appeal.lodgedOn + r.int(30, 240), world.today());
    const outcome = r.weighted<AppealOutcome>([['STADFAESTET', 45], ['AENDRET', 15], ['OPHAEVET', 15], ['HJEMVIST', 20], ['AFVIST', 5]]);
    yield draft('AppealDecided', { appealId: appeal.appealId, outcome, decidedOn: isoDay(decidedOn) }, caseworker, workingInstant(decidedOn, r));
  }

  for (const sanction of sanctions) {
    if (!r.chance(0.9)) continue;
    const outcome = r.chance(0.45) ? 'ERROR' : 'CORRECT';
    const errorCategories = outcome === 'ERROR' ? errorCategoriesOf(world) : [];
    const reviewed = draft(
      'SanctionReviewed',
      { sanctionId: sanction.sanctionId, outcome, errorCategories, wouldChangeOnAppeal: outcome === 'ERROR' && r.chance(0.7), reviewer, reviewedOn: isoDay(world.today()) },
      reviewer,
    );
    yield reviewed;
    sanction.review = { eventId: reviewed.id, outcome };
  }

  if (r.chance(0.05)) yield correction(world, opened.id, sanctions, caseworker);

  yield* repayments(world, sanctions, caseworker);

  if (closedOn === null && r.chance(0.55)) {
    closedOn = world.today();
    const reason = r.weighted<ClosureReason>([['REVIEW_COMPLETED', 60], ['SELF_SUPPORTING', 15], ['OTHER_BENEFIT', 12], ['MOVED_AWAY', 8], ['OPENED_IN_ERROR', 3], ['DECEASED', 2]]);
    yield draft('CaseClosed', { reason, closedOn: isoDay(closedOn) });
    if (r.chance(0.04)) yield draft('CaseReopened', { reason: r.pick(REOPEN_REASONS), reopenedOn: isoDay(world.today()) });
  }
}

/** The repayments of the sanctions found in error: per sanction, or one for all of them. */
function* repayments(world: World, sanctions: readonly SanctionNotes[], actor: string): Generator<Draft, void, undefined> {
  const r = world.random;
  const inError = sanctions.filter((s) => s.review?.outcome === 'ERROR');
  if (inError.length === 0 || !r.chance(0.85)) return;
  const groups = inError.length > 1 && r.chance(0.3) ? [inError] : inError.map((s) => [s]);
  const assessed: RepaymentNotes[] = [];
  for (const group of groups) {
    const parts = r.chance(0.15) ? 2 : 1;
    for (let part = 0; part < parts; part++) {
      const left = leftToRepay(group, assessed);
      if (left <= 0) break;
      const amountOre = part === parts - 1 && r.chance(0.6) ? left : Math.max(1, Math.floor((left * r.int(30, 90)) / 100));
      const repayment: RepaymentNotes = { repaymentId: world.uuid(), sanctionIds: group.map((s) => s.sanctionId), amountOre, assessedOn: world.today(), scheduled: false };
      yield { id: world.uuid(), type: 'RepaymentAssessed', data: { repaymentId: repayment.repaymentId, sanctionIds: repayment.sanctionIds, amountOre, assessedOn: isoDay(repayment.assessedOn) }, actor };
      assessed.push(repayment);
    }
  }
  for (const repayment of assessed) {
    if (!r.chance(0.7)) continue;
    repayment.scheduled = true;
    yield { id: world.uuid(), type: 'RepaymentScheduled', data: { repaymentId: repayment.repaymentId, scheduledFor: isoDay(repayment.assessedOn + r.int(7, 45)) }, actor };
  }
  for (const repayment of assessed) {
    if (!r.chance(repayment.scheduled ? 0.75 : 0.2)) continue;
    yield { id: world.uuid(), type: 'RepaymentIssued', data: { repaymentId: repayment.repaymentId, issuedOn: isoDay(world.today()) }, actor };
  }
}

/** What assess-repayment still allows for these sanctions: their deductions less every repayment touching any of them. */
function leftToRepay(group: readonly SanctionNotes[], assessed: readonly RepaymentNotes[]): number {
  const ids = new Set(group.map((s) => s.sanctionId));
  const deducted = group.reduce((sum, s) => sum + s.amountDeductedOre, 0);
  const repaid = assessed.filter((p) => p.sanctionIds.some((id) => ids.has(id))).reduce((sum, p) => sum + p.amountOre, 0);
  return deducted - repaid;
}

/**
 * A fact corrected as correct-fact decides it: the owning unit, a sanction's amount (only upwards,
 * so repayments stay within the deductions) or a review's findings (an ERROR stays ERROR; a
 * CORRECT one may turn out to be in ERROR, before any repayment is assessed).
 */
function correction(world: World, openedEventId: string, sanctions: SanctionNotes[], actor: string): Draft {
  const r = world.random;
  const reviewed = sanctions.filter((s) => s.review);
  const kind = r.weighted<CorrectionTarget['kind']>([['case', 35], ['sanction', 35], ['review', reviewed.length > 0 ? 30 : 0]]);
  let correctsEventId: string;
  let target: CorrectionTarget;
  if (kind === 'case') {
    correctsEventId = openedEventId;
    target = { kind, changes: { owningUnit: r.pick(OWNING_UNITS) } };
  } else if (kind === 'sanction') {
    const sanction = r.pick(sanctions);
    sanction.amountDeductedOre += r.int(1, 40) * 5_000;
    correctsEventId = sanction.imposedEventId;
    target = { kind, sanctionId: sanction.sanctionId, changes: { amountDeductedOre: sanction.amountDeductedOre } };
  } else {
    const sanction = r.pick(reviewed);
    const review = sanction.review as NonNullable<SanctionNotes['review']>;
    correctsEventId = review.eventId;
    target =
      review.outcome === 'ERROR'
        ? { kind, sanctionId: sanction.sanctionId, changes: { errorCategories: errorCategoriesOf(world) } }
        : { kind, sanctionId: sanction.sanctionId, changes: { outcome: 'ERROR', errorCategories: errorCategoriesOf(world), wouldChangeOnAppeal: true } };
    review.outcome = 'ERROR';
  }
  return { id: world.uuid(), type: 'FactCorrected', data: { correctsEventId, target, reason: r.pick(CORRECTION_REASONS) }, actor };
}

function errorCategoriesOf(world: World): ErrorCategory[] {
  const r = world.random;
  const count = r.weighted([[1, 60], [2, 30], [3, 10]] as const);
  const chosen = new Set<ErrorCategory>();
  while (chosen.size < count) chosen.add(r.weighted(ERROR_CATEGORY_WEIGHTS));
  return [...chosen];
}

/** The stricter sanction in force on the breach date, or now and then the generic type. */
function sanctionTypeFor(breachDay: number, generic: boolean): SanctionType {
  const code = generic ? 'AKTL_AVAILABILITY_GENERIC' : breachDay >= NEW_RULES_DAY ? 'STRICTER_AVAILABILITY_2025' : 'AKTL_40A_STRICTER_AVAILABILITY';
  const type = findSanctionType(code) ?? SANCTION_TYPES[0];
  if (!isValidOn(type, isoDay(breachDay))) throw new Error(`${code} is not valid on ${isoDay(breachDay)}`);
  return type;
}

function legalBasisOf(type: SanctionType): LegalBasis {
  return { law: type.law, paragraph: type.paragraph, subsection: type.subsection, version: type.version };
}
