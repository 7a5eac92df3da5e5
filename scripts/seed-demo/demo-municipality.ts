import { SeededRandom } from '@casetrail/platform';
import { addDays, dateBetween, maxDate, minDate } from './dates';

/**
 * A synthetic municipality for demonstrations: citizen cases over several years, the review of the
 * stricter availability sanction (citizens found through all four discovery sources), repayments,
 * appeals decided across quarters, two committees with meetings, votes and a closed item, an
 * inquiry, a STAR-like extract and national comparators. Everything is fictitious and follows
 * from the seed: the same seed and scale give the same data. CPR numbers are real calendar dates
 * with sequence numbers that fail the modulus-11 check, as no one born then was given.
 */

export const DEMO_SEED = 20_230_829;
/** No demo fact is dated after this day. */
export const DEMO_LAST_DAY = '2025-09-30';
/** The period the review of the stricter sanction (and the national extract) covers. */
export const REVIEW_PERIOD = { from: '2020-01-01', to: '2023-07-31' } as const;

const STRICTER_UNTIL_2025 = 'AKTL_40A_STRICTER_AVAILABILITY';
const STRICTER_FROM_2025 = 'STRICTER_AVAILABILITY_2025';
const GENERIC = 'AKTL_AVAILABILITY_GENERIC';
const STRICTER_TYPES = [STRICTER_UNTIL_2025, STRICTER_FROM_2025];

type LegalArea = 'AKTIVLOVEN' | 'LAB' | 'SYGEDAGPENGELOVEN' | 'INTEGRATIONSLOVEN' | 'KONTANTHJAELPSLOVEN';
type DiscoverySource = 'PRACTICE_SURVEY' | 'EXCLUDED_BY_ANKESTYRELSEN' | 'OWN_METHODS' | 'NATIONAL_EXTRACT';
type AppealOutcome = 'STADFAESTET' | 'AENDRET' | 'OPHAEVET' | 'HJEMVIST' | 'AFVIST';

export interface DemoSanction {
  readonly key: string;
  readonly sanctionType: string;
  readonly breachDate: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly amountDeductedOre: number;
  readonly decidedOn: string;
  review: { outcome: 'CORRECT' | 'ERROR'; errorCategories: string[]; wouldChangeOnAppeal: boolean; reviewer: string; reviewedOn: string } | null;
}

export interface DemoRepayment {
  readonly key: string;
  readonly sanctionKeys: readonly string[];
  readonly amountOre: number;
  readonly assessedOn: string;
  readonly schedule: { readonly on: string; readonly for: string } | null;
  readonly issuedOn: string | null;
}

export interface DemoAppeal {
  readonly key: string;
  readonly sanctionKeys: readonly string[];
  readonly lodgedOn: string;
  readonly decision: { readonly outcome: AppealOutcome; readonly decidedOn: string } | null;
}

export interface DemoCase {
  readonly key: string;
  readonly cpr: string;
  readonly caseNumber: string;
  readonly legalArea: LegalArea;
  readonly owningUnit: string;
  readonly openedOn: string;
  readonly sanctions: DemoSanction[];
  readonly discoveries: { source: DiscoverySource; identifiedOn: string; note: string | null }[];
  readonly repayments: DemoRepayment[];
  readonly appeals: DemoAppeal[];
  closure: { reason: string; closedOn: string } | null;
}

export interface DemoMember {
  readonly key: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly party: string | null;
}

export interface DemoCommittee {
  readonly id: string;
  readonly name: string;
  readonly memberKeys: readonly string[];
}

export interface DemoItem {
  readonly key: string;
  readonly committee: DemoCommittee;
  readonly meetingDate: string;
  readonly itemNumber: number;
  readonly title: string;
  readonly caseNumber: string;
  readonly closed: boolean;
  readonly recommendation: { readonly kind: 'DECISION' | 'INFORMATION_ONLY'; readonly points: readonly string[] };
  readonly absent: readonly string[];
  readonly votes: readonly { readonly memberKey: string; readonly vote: 'FOR' | 'AGAINST' | 'ABSTAIN'; readonly memberName?: string }[];
  readonly note: { readonly text: string; readonly memberKeys: readonly string[] } | null;
  readonly decision: { readonly outcome: string; readonly text: string };
  readonly referral: { readonly body: string; readonly date: string } | null;
  readonly linkedFrom: { readonly itemKey: string; readonly relation: 'REFERRED_FROM' | 'CONTINUES' | 'RELATED' } | null;
}

/** The extract document exactly as posted to POST /evidence/extracts. */
export interface DemoExtract {
  readonly source: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly receivedOn: string;
  readonly citizens: { readonly cpr: string; readonly sanctions: { readonly type: string; readonly date: string; readonly amountOre?: number }[] }[];
}

export interface DemoComparator {
  readonly label: string;
  readonly source: string;
  readonly receivedOn: string;
  readonly legalArea: LegalArea;
  readonly period: { readonly from: string; readonly to: string };
  readonly reversalRatePct: number;
}

export interface DemoMunicipality {
  readonly cases: readonly DemoCase[];
  readonly members: readonly DemoMember[];
  readonly items: readonly DemoItem[];
  readonly inquiry: Record<string, unknown>;
  readonly extract: DemoExtract;
  readonly comparators: readonly DemoComparator[];
}

/** Citizens at scale 1; a case each, some a second one. */
const CITIZENS_AT_SCALE_1 = 300;

export function demoMunicipality(options: { readonly scale: number; readonly seed?: number }): DemoMunicipality {
  if (!(options.scale > 0 && options.scale <= 20)) throw new RangeError('scale must be above 0 and at most 20');
  const seed = options.seed ?? DEMO_SEED;
  const random = new SeededRandom(seed);
  const citizens = Math.max(12, Math.round(CITIZENS_AT_SCALE_1 * options.scale));
  // A stream of its own, so that the first cases (the seed's marker) do not depend on the scale.
  const cprs = syntheticCprs(new SeededRandom(seed ^ 0x5eed), citizens + Math.max(2, Math.round(citizens * 0.04)));
  const caseNumbers = new CaseNumbers(random);
  const progress: ReviewProgress = { found: 0 };
  const cases: DemoCase[] = [];
  for (let i = 0; i < citizens; i++) {
    cases.push(citizenCase(random, `c${i + 1}`, cprs[i], caseNumbers, progress));
    if (random.chance(0.08)) cases.push(citizenCase(random, `c${i + 1}b`, cprs[i], caseNumbers, progress, cases[cases.length - 1].openedOn));
  }
  const { members, items } = committees(random, options.scale);
  return {
    cases,
    members,
    items,
    inquiry: {
      from: 'Ankestyrelsen',
      question: 'Hvilke afgørelser om skærpet rådighedssanktion (aktivlovens § 40 a) truffet siden 1. januar 2020 var forkerte, og er borgerne kompenseret?',
      scope: { legalArea: 'AKTIVLOVEN', sanctionTypes: [STRICTER_UNTIL_2025], period: { ...REVIEW_PERIOD } },
      deadline: '2023-08-29',
      receivedOn: '2023-06-28',
      effectiveAt: '2023-06-28T10:00:00Z',
    },
    extract: nationalExtract(random, cases, cprs.slice(citizens)),
    comparators: [
      comparator('AKTIVLOVEN', 2023, 31.8),
      comparator('AKTIVLOVEN', 2024, 29.6),
      comparator('LAB', 2023, 18.25),
    ],
  };
}

function comparator(legalArea: LegalArea, year: number, reversalRatePct: number): DemoComparator {
  return {
    label: `Landsgennemsnit, omgørelsesprocent, ${legalArea.toLowerCase()} ${year} (syntetisk demo)`,
    source: `Ankestyrelsen, Ankestatistik ${year} (syntetisk demo, ikke et offentliggjort tal)`,
    receivedOn: `${year + 1}-03-01`,
    legalArea,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    reversalRatePct,
  };
}

const OWNING_UNITS = ['Jobcenter Nord', 'Jobcenter Syd', 'Jobcenter Øst', 'Jobcenter Vest', 'Ydelsesservice'];
const ERROR_CATEGORIES = ['MISSING_WRITTEN_GUIDANCE', 'MISSING_HEARING_OF_PARTY', 'DEADLINE_EXCEEDED', 'NO_CONCRETE_ASSESSMENT', 'WRONG_LEGAL_BASIS', 'INSUFFICIENT_REASONING'];
const REVIEWERS = ['juridisk-kvalitet-1', 'juridisk-kvalitet-2', 'ekstern-revision'];
const IDENTIFIED: Record<DiscoverySource, { from: string; to: string; note: string | null }> = {
  PRACTICE_SURVEY: { from: '2023-02-01', to: '2023-04-30', note: 'I Ankestyrelsens praksisundersøgelse' },
  EXCLUDED_BY_ANKESTYRELSEN: { from: '2023-03-01', to: '2023-05-31', note: 'Udtaget af undersøgelsen af Ankestyrelsen' },
  OWN_METHODS: { from: '2023-04-01', to: '2023-07-31', note: 'Fundet ved kommunens egne søgninger' },
  NATIONAL_EXTRACT: { from: '2023-08-07', to: '2023-10-31', note: 'Fundet alene via STAR-udtrækket' },
};

/** How many citizens the review has found so far: the first four are found one through each source. */
interface ReviewProgress {
  found: number;
}

const SOURCES_IN_ORDER: readonly DiscoverySource[] = ['PRACTICE_SURVEY', 'EXCLUDED_BY_ANKESTYRELSEN', 'OWN_METHODS', 'NATIONAL_EXTRACT'];

function citizenCase(random: SeededRandom, key: string, cpr: string, caseNumbers: CaseNumbers, progress: ReviewProgress, after?: string): DemoCase {
  const legalArea = random.weighted<LegalArea>([
    ['AKTIVLOVEN', 58],
    ['LAB', 14],
    ['SYGEDAGPENGELOVEN', 12],
    ['INTEGRATIONSLOVEN', 8],
    ['KONTANTHJAELPSLOVEN', 8],
  ]);
  const openedOn = dateBetween(random, after ? addDays(after, 30) : '2019-01-02', '2025-06-30');
  const demoCase: DemoCase = {
    key,
    cpr,
    caseNumber: caseNumbers.next(openedOn),
    legalArea,
    owningUnit: random.pick(OWNING_UNITS),
    openedOn: openedOn > '2025-06-30' ? '2025-06-30' : openedOn,
    sanctions: [],
    discoveries: [],
    repayments: [],
    appeals: [],
    closure: null,
  };
  const availability = legalArea === 'AKTIVLOVEN' || legalArea === 'KONTANTHJAELPSLOVEN';
  const count = availability ? random.weighted([[0, 15], [1, 45], [2, 28], [3, 12]]) : random.weighted([[0, 70], [1, 30]]);
  for (let s = 0; s < count; s++) {
    const latest = minDate(addDays(demoCase.openedOn, 900), addDays(DEMO_LAST_DAY, -60));
    if (addDays(demoCase.openedOn, 10) > latest) break;
    const breachDate = dateBetween(random, addDays(demoCase.openedOn, 10), latest);
    const sanctionType = !availability
      ? GENERIC
      : breachDate >= '2025-07-01'
        ? random.chance(0.75) ? STRICTER_FROM_2025 : GENERIC
        : random.chance(0.55) ? STRICTER_UNTIL_2025 : GENERIC;
    const decidedOn = addDays(breachDate, random.int(5, 25));
    const from = addDays(decidedOn, random.int(1, 14));
    demoCase.sanctions.push({
      key: `${key}-s${s + 1}`,
      sanctionType,
      breachDate,
      period: { from, to: addDays(from, random.int(29, 89)) },
      amountDeductedOre: random.int(1_000, 15_000) * 100,
      decidedOn,
      review: null,
    });
  }
  review(random, demoCase, progress);
  appeals(random, demoCase, availability);
  close(random, demoCase);
  return demoCase;
}

/** The review of the stricter sanction: citizens found, their sanctions in the period reviewed, errors repaid. */
function review(random: SeededRandom, demoCase: DemoCase, progress: ReviewProgress): void {
  const inScope = demoCase.sanctions.filter((s) => s.breachDate >= REVIEW_PERIOD.from && s.breachDate <= REVIEW_PERIOD.to);
  const first = progress.found < SOURCES_IN_ORDER.length;
  if (demoCase.legalArea !== 'AKTIVLOVEN' || inScope.length === 0 || !(random.chance(0.75) || first)) return;
  const source = first ? SOURCES_IN_ORDER[progress.found] : random.weighted<DiscoverySource>([
    ['PRACTICE_SURVEY', 15],
    ['EXCLUDED_BY_ANKESTYRELSEN', 8],
    ['OWN_METHODS', 42],
    ['NATIONAL_EXTRACT', 35],
  ]);
  const found = (s: DiscoverySource) => ({ source: s, identifiedOn: dateBetween(random, IDENTIFIED[s].from, IDENTIFIED[s].to), note: IDENTIFIED[s].note });
  progress.found++;
  demoCase.discoveries.push(found(source));
  if (source !== 'NATIONAL_EXTRACT' && random.chance(0.15)) demoCase.discoveries.push(found('NATIONAL_EXTRACT'));
  const identifiedOn = demoCase.discoveries[0].identifiedOn;
  for (const sanction of inScope) {
    if (!random.chance(0.9)) continue;
    const reviewedOn = minDate(maxDate(addDays(identifiedOn, random.int(7, 60)), sanction.decidedOn), DEMO_LAST_DAY);
    const error = random.chance(0.62);
    sanction.review = {
      outcome: error ? 'ERROR' : 'CORRECT',
      errorCategories: error ? random.some(ERROR_CATEGORIES, random.int(1, 2)) : [],
      wouldChangeOnAppeal: error ? random.chance(0.75) : random.chance(0.05),
      reviewer: random.pick(REVIEWERS),
      reviewedOn,
    };
  }
  const inError = inScope.filter((s) => s.review?.outcome === 'ERROR');
  const together = inError.length >= 2 && random.chance(0.3) ? [inError] : inError.map((s) => [s]);
  together.forEach((sanctions, i) => {
    if (!random.chance(0.85)) return;
    const deducted = sanctions.reduce((sum, s) => sum + s.amountDeductedOre, 0);
    const amountOre = random.chance(0.7) ? deducted : Math.max(100, Math.floor((deducted * random.int(30, 90)) / 10_000) * 100);
    const assessedOn = addDays(maxDate(...sanctions.map((s) => s.review?.reviewedOn ?? s.decidedOn)), random.int(7, 45));
    if (assessedOn > DEMO_LAST_DAY) return;
    const scheduleOn = addDays(assessedOn, random.int(1, 10));
    const schedule = random.chance(0.55) && scheduleOn <= DEMO_LAST_DAY ? { on: scheduleOn, for: addDays(scheduleOn, random.int(14, 30)) } : null;
    const issuedOn = schedule ? schedule.for : addDays(assessedOn, random.int(10, 40));
    demoCase.repayments.push({
      key: `${demoCase.key}-r${i + 1}`,
      sanctionKeys: sanctions.map((s) => s.key),
      amountOre,
      assessedOn,
      schedule,
      issuedOn: random.chance(0.6) && issuedOn <= DEMO_LAST_DAY ? issuedOn : null,
    });
  });
}

const OUTCOMES: readonly (readonly [AppealOutcome, number])[] = [
  ['STADFAESTET', 55],
  ['AENDRET', 12],
  ['OPHAEVET', 10],
  ['HJEMVIST', 13],
  ['AFVIST', 10],
];

function appeals(random: SeededRandom, demoCase: DemoCase, availability: boolean): void {
  const lodge = (sanctionKeys: string[], lodgedOn: string) => {
    if (lodgedOn > DEMO_LAST_DAY) return;
    const decidedOn = addDays(lodgedOn, random.int(60, 240));
    const decision = random.chance(0.92) && decidedOn <= DEMO_LAST_DAY ? { outcome: random.weighted(OUTCOMES), decidedOn } : null;
    demoCase.appeals.push({ key: `${demoCase.key}-a${demoCase.appeals.length + 1}`, sanctionKeys, lodgedOn, decision });
  };
  for (const sanction of demoCase.sanctions) {
    if (random.chance(0.25)) lodge([sanction.key], addDays(sanction.decidedOn, random.int(3, 28)));
  }
  if (!availability && random.chance(0.18)) lodge([], addDays(demoCase.openedOn, random.int(30, 300)));
}

const CLOSURE_REASONS: readonly (readonly [string, number])[] = [
  ['SELF_SUPPORTING', 30],
  ['MOVED_AWAY', 15],
  ['OTHER_BENEFIT', 20],
  ['HEALTH', 10],
  ['IMPRISONED', 3],
  ['DECEASED', 2],
  ['REVIEW_COMPLETED', 20],
];

function close(random: SeededRandom, demoCase: DemoCase): void {
  if (!random.chance(0.4)) return;
  const closedOn = addDays(lastFactDate(demoCase), random.int(20, 250));
  if (closedOn <= DEMO_LAST_DAY) demoCase.closure = { reason: random.weighted(CLOSURE_REASONS), closedOn };
}

/** The date of the case's last fact before a closure. */
export function lastFactDate(demoCase: DemoCase): string {
  return maxDate(
    demoCase.openedOn,
    ...demoCase.discoveries.map((d) => d.identifiedOn),
    ...demoCase.sanctions.flatMap((s) => [s.decidedOn, s.review?.reviewedOn ?? s.decidedOn]),
    ...demoCase.repayments.flatMap((r) => [r.assessedOn, r.schedule?.on ?? r.assessedOn, r.issuedOn ?? r.assessedOn]),
    ...demoCase.appeals.flatMap((a) => [a.lodgedOn, a.decision?.decidedOn ?? a.lodgedOn]),
  );
}

/**
 * What a national extract says about the review period: most citizens with an availability
 * sanction then, each stricter sanction, many of the municipality's untyped ones as stricter, some
 * the municipality has no record of, and a few citizens it has no case for.
 */
function nationalExtract(random: SeededRandom, cases: readonly DemoCase[], strangers: readonly string[]): DemoExtract {
  const inPeriod = (date: string) => date >= REVIEW_PERIOD.from && date <= REVIEW_PERIOD.to;
  const byCitizen = new Map<string, { type: string; date: string; amountOre?: number }[]>();
  for (const demoCase of cases) {
    if (demoCase.legalArea !== 'AKTIVLOVEN') continue;
    const own = demoCase.sanctions.filter((s) => inPeriod(s.breachDate));
    if (own.length === 0 || !random.chance(own.some((s) => STRICTER_TYPES.includes(s.sanctionType)) ? 0.9 : 0.6)) continue;
    const listed = byCitizen.get(demoCase.cpr) ?? [];
    for (const sanction of own) {
      if (!STRICTER_TYPES.includes(sanction.sanctionType) && !random.chance(0.65)) continue;
      listed.push({ type: 'STRICTER_AVAILABILITY', date: sanction.breachDate, ...(random.chance(0.8) ? { amountOre: sanction.amountDeductedOre } : {}) });
    }
    for (let extra = random.chance(0.35) ? random.int(1, 2) : 0; extra > 0; extra--) {
      listed.push({ type: 'STRICTER_AVAILABILITY', date: dateBetween(random, REVIEW_PERIOD.from, REVIEW_PERIOD.to) });
    }
    if (random.chance(0.1)) listed.push({ type: 'AVAILABILITY', date: dateBetween(random, REVIEW_PERIOD.from, REVIEW_PERIOD.to) });
    if (listed.length > 0) byCitizen.set(demoCase.cpr, listed);
  }
  for (const cpr of strangers) {
    byCitizen.set(cpr, [{ type: 'STRICTER_AVAILABILITY', date: dateBetween(random, REVIEW_PERIOD.from, REVIEW_PERIOD.to), amountOre: random.int(1_000, 9_000) * 100 }]);
  }
  const citizens = [...byCitizen.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cpr, sanctions]) => ({ cpr, sanctions: sanctions.sort((x, y) => x.date.localeCompare(y.date)) }));
  return { source: 'STAR/Jobindsats (syntetisk demo)', period: { ...REVIEW_PERIOD }, receivedOn: '2023-08-07', citizens };
}

class CaseNumbers {
  private sequence = 1000;
  constructor(private readonly random: SeededRandom) {}

  next(openedOn: string): string {
    const year = openedOn.slice(0, 4);
    const n = ++this.sequence;
    switch (this.random.weighted([['EMN', 50], ['KLE', 30], ['SHORT', 10], ['LONG', 10]] as const)) {
      case 'EMN':
        return `EMN-${year}-${String(n).padStart(5, '0')}`;
      case 'KLE':
        return `${year.slice(2)}-${n}-15.20.00-${this.random.pick(['P27', 'P20', 'G01'])}`;
      case 'SHORT':
        return `${year.slice(2)}/${n}`;
      default:
        return `${year}/${String(n).padStart(5, '0')}`;
    }
  }
}

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

function syntheticCprs(random: SeededRandom, count: number): string[] {
  const found = new Set<string>();
  while (found.size < count) {
    const birth = dateBetween(random, '1960-01-01', '1999-12-31');
    const datePart = `${birth.slice(8, 10)}${birth.slice(5, 7)}${birth.slice(2, 4)}`;
    let sequence = random.int(0, 3999);
    const digits = () => `${datePart}${String(sequence).padStart(4, '0')}`;
    while ([...digits()].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i], 0) % 11 === 0) sequence = (sequence + 1) % 4000;
    found.add(`${datePart}-${String(sequence).padStart(4, '0')}`);
  }
  return [...found];
}

/** Two committees, members with party letters and spelling variants, meetings with items. */
function committees(random: SeededRandom, scale: number): { members: DemoMember[]; items: DemoItem[] } {
  const members: DemoMember[] = [
    { key: 'm1', name: 'Karen Lindholm', aliases: [], party: 'A' },
    { key: 'm2', name: 'Peter Tærstrup', aliases: ['Peter Tærsbøl'], party: 'A' },
    { key: 'm3', name: 'Hanne Bjerregaard', aliases: [], party: 'A' },
    { key: 'm4', name: 'Søren Kjærsgaard', aliases: ['Søren Kjærgaard'], party: 'V' },
    { key: 'm5', name: 'Mette Damsholt', aliases: [], party: 'F' },
    { key: 'm6', name: 'Jonas Østergaard', aliases: [], party: 'Ø' },
    { key: 'm7', name: 'Aisha Rahimi', aliases: [], party: null },
    { key: 'm8', name: 'Bent Holmgaard', aliases: [], party: 'V' },
    { key: 'm9', name: 'Lise Vestergaard', aliases: [], party: 'C' },
    { key: 'm10', name: 'Morten Krag', aliases: [], party: 'Æ' },
    { key: 'm11', name: 'Inge Frost', aliases: [], party: 'B' },
  ];
  const party = new Map(members.map((member) => [member.key, member.party]));
  const employment: DemoCommittee = { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget', memberKeys: ['m1', 'm2', 'm4', 'm5', 'm6', 'm7', 'm10'] };
  const finance: DemoCommittee = { id: 'oekonomiudvalget', name: 'Økonomiudvalget', memberKeys: ['m1', 'm3', 'm4', 'm8', 'm9', 'm10', 'm11'] };
  const meetings = ['2023-03-07', '2023-06-13', '2023-08-29', '2024-01-16', '2024-09-10', '2025-01-14', '2025-06-10'];
  const count = Math.max(2, Math.min(meetings.length, Math.round(meetings.length * Math.min(1, scale * 2))));
  const items: DemoItem[] = [];
  meetings.slice(0, count).forEach((meetingDate, m) => {
    const absent = random.chance(0.5) ? [random.pick(employment.memberKeys)] : [];
    const present = employment.memberKeys.filter((k) => !absent.includes(k));
    items.push({
      key: `b${m}-1`,
      committee: employment,
      meetingDate,
      itemNumber: 1,
      title: 'Orientering om gennemgangen af skærpede rådighedssanktioner',
      caseNumber: `${meetingDate.slice(2, 4)}-${100 + m}-15.20.00-G01`,
      closed: false,
      recommendation: { kind: 'INFORMATION_ONLY', points: ['at orienteringen tages til efterretning'] },
      absent,
      votes: [],
      note: null,
      decision: { outcome: 'NOTED', text: 'Til efterretning.' },
      referral: null,
      linkedFrom: m > 0 ? { itemKey: `b${m - 1}-1`, relation: 'CONTINUES' } : null,
    });
    const against = present.filter((k) => party.get(k) === 'Ø' || party.get(k) === null);
    const abstain = random.chance(0.3) ? present.filter((k) => party.get(k) === 'F') : [];
    const referred = m % 2 === 0;
    const decision = `b${m}-2`;
    items.push({
      key: decision,
      committee: employment,
      meetingDate,
      itemNumber: 2,
      title: referred ? 'Tilbagebetaling til borgere med fejlbehæftede sanktioner' : 'Handleplan for vejledning før sanktion',
      caseNumber: `${meetingDate.slice(2, 4)}-${200 + m}-15.20.00-P27`,
      closed: false,
      recommendation: { kind: 'DECISION', points: referred ? ['at indstillingen anbefales over for Økonomiudvalget'] : ['at handleplanen godkendes'] },
      absent,
      votes: present.map((memberKey) => ({
        memberKey,
        vote: against.includes(memberKey) ? ('AGAINST' as const) : abstain.includes(memberKey) ? ('ABSTAIN' as const) : ('FOR' as const),
        ...(memberKey === 'm2' && random.chance(0.5) ? { memberName: 'Peter Tærsbøl' } : {}),
      })),
      note: against.length > 0 ? { text: 'Kan ikke tiltræde indstillingen, da borgerne bør kompenseres fuldt ud.', memberKeys: against } : null,
      decision: referred ? { outcome: 'RECOMMENDED_TO_NEXT_BODY', text: 'Anbefales.' } : { outcome: 'APPROVED', text: 'Godkendt.' },
      referral: referred ? { body: 'Økonomiudvalget', date: addDays(meetingDate, 14) } : null,
      linkedFrom: null,
    });
    if (referred) {
      const financeDate = addDays(meetingDate, 14);
      items.push({
        key: `o${m}-1`,
        committee: finance,
        meetingDate: financeDate,
        itemNumber: 1,
        title: 'Tilbagebetaling til borgere med fejlbehæftede sanktioner',
        caseNumber: `${meetingDate.slice(2, 4)}-${200 + m}-15.20.00-P27`,
        closed: false,
        recommendation: { kind: 'DECISION', points: ['at indstillingen tiltrædes'] },
        absent: [],
        votes: finance.memberKeys.map((memberKey) => ({ memberKey, vote: 'FOR' as const })),
        note: null,
        decision: { outcome: 'ENDORSED', text: 'Tiltrådt.' },
        referral: null,
        linkedFrom: { itemKey: decision, relation: 'REFERRED_FROM' },
      });
    }
    if (m === 1 || m === count - 1) {
      items.push({
        key: `b${m}-3`,
        committee: employment,
        meetingDate,
        itemNumber: 3,
        title: 'Personalesag',
        caseNumber: `${meetingDate.slice(2, 4)}/${900 + m}`,
        closed: true,
        recommendation: { kind: 'DECISION', points: ['at indstillingen tiltrædes'] },
        absent,
        votes: [],
        note: null,
        decision: { outcome: 'ENDORSED', text: 'Tiltrådt.' },
        referral: null,
        linkedFrom: null,
      });
    }
  });
  return { members, items };
}
