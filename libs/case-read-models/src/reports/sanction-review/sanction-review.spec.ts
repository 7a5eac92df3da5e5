import { citizenCase, citizenCaseStream, type CitizenCaseEvent, type CitizenCaseState, type DiscoverySource } from '@casetrail/case-management';
import type { EventStore, ReadAllOptions, ReadAllResult, RecordedEvent } from '@casetrail/event-store';
import {
  ACCEPTANCE_FIXTURE_A,
  FIXTURE_A_EXPECTED_SUMMARY,
  GENERIC_SANCTION_TYPE,
  STRICTER_SANCTION_TYPE,
  isCountedSanction,
  precedingSource,
  summariseFixtureA,
  withLaterFacts,
  type FixtureCitizen,
  type FixtureSummary,
} from '@casetrail/testing';
import { reportJson } from '../format/report-json';
import { foldAsKnown, readLogThrough } from '../report-basis/as-known';
import { endOfDanishDay } from '../report-basis/known-on';
import { fixtureAEvents, refOf } from './fixture-a-events.fixtures';
import { countSanctionReview, type SanctionReviewTable } from './sanction-review';
import { sanctionReviewCsv } from './sanction-review.csv';
import { resolveSanctionReviewParameters, storedSanctionReviewParameters, type SanctionReviewParameters } from './sanction-review.parameters';
import { buildSanctionReviewReport } from './sanction-review.report';

const { events, knownOnPosition } = fixtureAEvents();
const END = BigInt(events.length);
const PERIOD = ACCEPTANCE_FIXTURE_A.period;
const STRICTER = { sanctionTypes: [STRICTER_SANCTION_TYPE, 'STRICTER_AVAILABILITY_2025'], breachFrom: PERIOD.from, breachTo: PERIOD.to, includeCitizens: false };

/** The fixture's events as known on a date (end of that day in Denmark), through a position. */
function statesKnownOn(knownOn: string, position = END): CitizenCaseState[] {
  return foldAsKnown(events, citizenCase, { position, recordedCutoff: endOfDanishDay(knownOn) }).map((s) => s.state);
}

/** The table in the fixture's terms: figures per source, repayment as every øre assessed. */
function asFixtureSummary(table: SanctionReviewTable): FixtureSummary {
  const figures = (r: SanctionReviewTable['total']) => ({ citizens: r.citizens, sanctions: r.sanctions, citizensWithError: r.citizensWithError, repaymentOre: r.repayment.assessedOre });
  return { rows: table.rows.map((r) => ({ source: r.source as DiscoverySource, ...figures(r) })), total: figures(table.total) };
}

/** Scheduled and paid øre per source, straight from the fixture's data (no repayment there is shared). */
function expectedSplit(citizens: readonly FixtureCitizen[]): Record<string, { scheduledOre: number; paidOre: number }> {
  const split: Record<string, { scheduledOre: number; paidOre: number }> = {};
  for (const citizen of citizens) {
    const counted = new Set(citizen.sanctions.filter((s) => isCountedSanction(s, PERIOD)).map((s) => s.key));
    if (counted.size === 0) continue;
    const row = (split[precedingSource(citizen)!] ??= { scheduledOre: 0, paidOre: 0 });
    for (const r of citizen.repayments.filter((r) => r.sanctionKeys.some((k) => counted.has(k)))) {
      if (r.issuedOn) row.paidOre += r.amountOre;
      else if (r.schedule) row.scheduledOre += r.amountOre;
    }
  }
  return split;
}

function refusal(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('sanction review: acceptance fixture A, folded from its events', () => {
  it('gives exactly the table of fixture A as known on 2023-08-29, though the later facts are in the log', () => {
    const table = countSanctionReview(statesKnownOn('2023-08-29'), STRICTER);
    expect(asFixtureSummary(table)).toEqual(FIXTURE_A_EXPECTED_SUMMARY);
    expect(table.total).toMatchObject({ citizens: 35, sanctions: 39, citizensWithError: 25, repayment: { assessedOre: 33_429_900 } });
  });

  it('splits every repayment assessed into scheduled and paid by its status as known then', () => {
    const table = countSanctionReview(statesKnownOn('2023-08-29'), STRICTER);
    const split = expectedSplit(ACCEPTANCE_FIXTURE_A.citizens);
    for (const row of table.rows) expect({ source: row.source, ...split[row.source] }).toEqual({ source: row.source, scheduledOre: row.repayment.scheduledOre, paidOre: row.repayment.paidOre });
    const { assessedOre, scheduledOre, paidOre } = table.total.repayment;
    expect(scheduledOre + paidOre).toBeLessThan(assessedOre);
  });

  it('counts the later facts as known on 2023-10-31: a citizen moves to own methods, one more error, one more repayment, one paid', () => {
    const before = countSanctionReview(statesKnownOn('2023-08-29'), STRICTER);
    const after = countSanctionReview(statesKnownOn('2023-10-31'), STRICTER);
    expect(asFixtureSummary(after)).toEqual(summariseFixtureA(ACCEPTANCE_FIXTURE_A, { includeLaterFacts: true }));
    const row = (table: SanctionReviewTable, source: string) => table.rows.find((r) => r.source === source)!;
    expect(row(after, 'OWN_METHODS')).toMatchObject({ citizens: 14, sanctions: 15, citizensWithError: 10 });
    expect(row(after, 'NATIONAL_EXTRACT')).toMatchObject({ citizens: 9, sanctions: 9, citizensWithError: 6 });
    expect(row(after, 'NATIONAL_EXTRACT').repayment.assessedOre).toBe(row(before, 'NATIONAL_EXTRACT').repayment.assessedOre + 571_400);
    expect(row(after, 'PRACTICE_SURVEY').repayment.paidOre).toBe(row(before, 'PRACTICE_SURVEY').repayment.paidOre + 1_206_000);
    expect(after.total).toMatchObject({ citizens: 35, sanctions: 39, citizensWithError: 26, repayment: { assessedOre: 33_429_900 + 571_400 } });
  });

  it('leaves out what was not yet in the log at the position, however early it was recorded', () => {
    const atPosition = countSanctionReview(statesKnownOn('2023-10-31', knownOnPosition), STRICTER);
    expect(asFixtureSummary(atPosition)).toEqual(FIXTURE_A_EXPECTED_SUMMARY);
    const early = countSanctionReview(statesKnownOn('2023-08-29', knownOnPosition - 1n), STRICTER);
    expect(early.total.citizens).toBe(35);
    expect(early.total).not.toEqual(atPosition.total);
  });

  it('knew less in June 2023: no citizen found through the national extract yet, fewer errors', () => {
    const june = countSanctionReview(statesKnownOn('2023-06-28'), STRICTER);
    expect(june.rows.find((r) => r.source === 'NATIONAL_EXTRACT')).toMatchObject({ citizens: 0, sanctions: 0 });
    expect(june.total.citizens).toBeLessThan(35);
    expect(june.total.citizensWithError).toBeLessThan(25);
  });

  it('lists the pseudonymous citizens behind each row when asked, and only then', () => {
    const table = countSanctionReview(statesKnownOn('2023-08-29'), { ...STRICTER, includeCitizens: true });
    const survey = table.rows[0];
    expect(survey.citizenDetails?.map((c) => c.citizenRef)).toEqual(['ps1', 'ps2', 'ps3', 'ps4', 'ps5', 'ps6', 'ps7', 'ps8'].map(refOf));
    expect(survey.citizenDetails?.[0]).toEqual({
      citizenRef: refOf('ps1'),
      caseIds: ['ps1'],
      sanctionIds: ['ps1-s1', 'ps1-s2'],
      sanctionIdsInError: ['ps1-s1', 'ps1-s2'],
      repayment: { assessedOre: 3_797_000, scheduledOre: 0, paidOre: 3_797_000 },
    });
    for (const row of table.rows) {
      expect(row.citizenDetails).toHaveLength(row.citizens);
      expect(row.citizenDetails!.filter((c) => c.sanctionIdsInError.length > 0)).toHaveLength(row.citizensWithError);
      expect(row.citizenDetails!.reduce((sum, c) => sum + c.repayment.assessedOre, 0)).toBe(row.repayment.assessedOre);
    }
    expect(countSanctionReview(statesKnownOn('2023-08-29'), STRICTER).rows.every((row) => row.citizenDetails === undefined)).toBe(true);
  });

  it('counts the sanction types asked for: the generic type alone is the one distractor in the period', () => {
    const table = countSanctionReview(statesKnownOn('2023-08-29'), { ...STRICTER, sanctionTypes: [GENERIC_SANCTION_TYPE] });
    expect(table.total).toEqual({ citizens: 1, sanctions: 1, citizensWithError: 1, repayment: { assessedOre: 412_500, scheduledOre: 0, paidOre: 412_500 } });
    expect(table.rows.find((r) => r.sanctions > 0)?.source).toBe('OWN_METHODS');
  });

  it('takes in the breach dates at both ends of the window and none outside it', () => {
    const open = countSanctionReview(statesKnownOn('2023-08-29'), { ...STRICTER, breachFrom: null, breachTo: null });
    expect(open.total).toMatchObject({ citizens: 36, sanctions: 41 });
    const firstDay = countSanctionReview(statesKnownOn('2023-08-29'), { ...STRICTER, breachFrom: '2020-01-02', breachTo: '2020-01-02' });
    expect(firstDay.total).toMatchObject({ citizens: 1, sanctions: 1 });
    const lastDay = countSanctionReview(statesKnownOn('2023-08-29'), { ...STRICTER, breachFrom: '2023-07-31', breachTo: '2023-07-31' });
    expect(lastDay.rows.find((r) => r.sanctions > 0)).toMatchObject({ source: 'OWN_METHODS', citizens: 1, citizensWithError: 1 });
  });
});

describe('sanction review: rules beyond the fixture', () => {
  const legalBasis = { law: 'aktivloven', paragraph: '40 a', subsection: '1', version: 'v' };
  const opened = (caseId: string, citizenRef: string): CitizenCaseEvent => ({
    type: 'CaseOpened',
    data: { caseId, caseNumber: { value: `EMN-2023-0000${caseId}`, format: 'EMN', year: 2023 } as never, citizenRef, legalArea: 'AKTIVLOVEN', owningUnit: 'Nord', openedOn: '2021-01-01' },
  });
  const imposed = (sanctionId: string, sanctionType = STRICTER_SANCTION_TYPE, amountDeductedOre = 100_000): CitizenCaseEvent => ({
    type: 'SanctionImposed',
    data: { sanctionId, sanctionType, legalBasis, breachDate: '2021-03-01', period: { from: '2021-04-01', to: '2021-06-30' }, amountDeductedOre, decidedOn: '2021-03-10' },
  });
  const inError = (sanctionId: string): CitizenCaseEvent => ({
    type: 'SanctionReviewed',
    data: { sanctionId, outcome: 'ERROR', errorCategories: ['OTHER'], wouldChangeOnAppeal: true, reviewer: 'r', reviewedOn: '2023-05-01' },
  });
  const found = (source: DiscoverySource): CitizenCaseEvent => ({ type: 'CitizenIdentified', data: { source, identifiedOn: '2023-04-01', note: null } });
  const fold = (history: readonly CitizenCaseEvent[]) => history.reduce(citizenCase.evolve, citizenCase.initialState());
  const criteria = { ...STRICTER, breachFrom: null, breachTo: null };

  it("counts a repayment that also covers an uncounted sanction with the counted share, split by what each deducted", () => {
    const state = fold([
      opened('1', 'ref-a'),
      found('OWN_METHODS'),
      imposed('s-stricter', STRICTER_SANCTION_TYPE, 300_000),
      imposed('s-generic', GENERIC_SANCTION_TYPE, 100_001),
      inError('s-stricter'),
      inError('s-generic'),
      { type: 'RepaymentAssessed', data: { repaymentId: 'r-1', sanctionIds: ['s-stricter', 's-generic'], amountOre: 200_001, assessedOn: '2023-06-01' } },
      { type: 'RepaymentScheduled', data: { repaymentId: 'r-1', scheduledFor: '2023-07-01' } },
    ]);
    const table = countSanctionReview([state], criteria);
    // 200 001 øre split 300 000 : 100 001 is 149 999.6… and 50 000.4…: by largest remainder 150 000 and 50 001.
    expect(table.total).toEqual({ citizens: 1, sanctions: 1, citizensWithError: 1, repayment: { assessedOre: 150_000, scheduledOre: 150_000, paidOre: 0 } });
    const generic = countSanctionReview([state], { ...criteria, sanctionTypes: [GENERIC_SANCTION_TYPE] });
    expect(generic.total.repayment.assessedOre + table.total.repayment.assessedOre).toBe(200_001);
  });

  it('counts a citizen once over several cases, under the source of precedence from any of them', () => {
    const first = fold([opened('1', 'ref-a'), found('NATIONAL_EXTRACT'), imposed('s-1')]);
    const second = fold([opened('2', 'ref-a'), found('EXCLUDED_BY_ANKESTYRELSEN'), imposed('s-2'), inError('s-2')]);
    const table = countSanctionReview([first, second], { ...criteria, includeCitizens: true });
    expect(table.rows.find((r) => r.citizens > 0)).toMatchObject({
      source: 'EXCLUDED_BY_ANKESTYRELSEN',
      citizens: 1,
      sanctions: 2,
      citizensWithError: 1,
      citizenDetails: [{ citizenRef: 'ref-a', caseIds: ['1', '2'], sanctionIds: ['s-1', 's-2'], sanctionIdsInError: ['s-2'] }],
    });
  });

  it('puts a counted citizen without a discovery source in a row of their own, so that the total still counts them', () => {
    const known = fold([opened('1', 'ref-a'), found('PRACTICE_SURVEY'), imposed('s-1')]);
    const unknown = fold([opened('2', 'ref-b'), imposed('s-2')]);
    expect(countSanctionReview([known], criteria).rows.map((r) => r.source)).toEqual(['PRACTICE_SURVEY', 'EXCLUDED_BY_ANKESTYRELSEN', 'OWN_METHODS', 'NATIONAL_EXTRACT']);
    const table = countSanctionReview([known, unknown], criteria);
    expect(table.rows.map((r) => [r.source, r.citizens])).toEqual([
      ['PRACTICE_SURVEY', 1],
      ['EXCLUDED_BY_ANKESTYRELSEN', 0],
      ['OWN_METHODS', 0],
      ['NATIONAL_EXTRACT', 0],
      ['NOT_IDENTIFIED', 1],
    ]);
    expect(table.total.citizens).toBe(2);
  });

  it('follows corrections: a sanction corrected to the generic type, a review corrected to CORRECT', () => {
    const history: CitizenCaseEvent[] = [opened('1', 'ref-a'), found('OWN_METHODS'), imposed('s-1'), imposed('s-2'), inError('s-1'), inError('s-2')];
    const corrected = fold([
      ...history,
      { type: 'FactCorrected', data: { correctsEventId: 'e-3', target: { kind: 'sanction', sanctionId: 's-1', changes: { sanctionType: GENERIC_SANCTION_TYPE } }, reason: 'type' } },
      { type: 'FactCorrected', data: { correctsEventId: 'e-6', target: { kind: 'review', sanctionId: 's-2', changes: { outcome: 'CORRECT', errorCategories: [] } }, reason: 'review' } },
    ]);
    expect(countSanctionReview([fold(history)], criteria).total).toMatchObject({ sanctions: 2, citizensWithError: 1 });
    expect(countSanctionReview([corrected], criteria).total).toMatchObject({ citizens: 1, sanctions: 1, citizensWithError: 0 });
  });
});

describe('sanction review: parameters', () => {
  const now = new Date('2024-02-01T12:00:00Z');

  it('makes every default explicit: the stricter types in catalogue order, open window, known now, current position', () => {
    expect(resolveSanctionReviewParameters({}, now)).toEqual({
      parameters: { sanctionTypes: [STRICTER_SANCTION_TYPE, 'STRICTER_AVAILABILITY_2025'], breachFrom: null, breachTo: null, knownOn: '2024-02-01T12:00:00.000Z', includeCitizens: false },
      recordedCutoff: '2024-02-01T12:00:00.000Z',
    });
  });

  it('reads known on as the end of that day in Denmark, summer or winter, or as an exact instant', () => {
    expect(resolveSanctionReviewParameters({ knownOn: '2023-08-29' }, now).recordedCutoff).toBe('2023-08-29T21:59:59.999Z');
    expect(resolveSanctionReviewParameters({ knownOn: '2023-01-15' }, now).recordedCutoff).toBe('2023-01-15T22:59:59.999Z');
    expect(endOfDanishDay('2023-03-26')).toBe('2023-03-26T21:59:59.999Z');
    expect(endOfDanishDay('2023-10-29')).toBe('2023-10-29T22:59:59.999Z');
    expect(endOfDanishDay('2023-12-31')).toBe('2023-12-31T22:59:59.999Z');
    expect(resolveSanctionReviewParameters({ knownOn: '2023-06-28T23:30:00+02:00' }, now)).toMatchObject({
      parameters: { knownOn: '2023-06-28T23:30:00+02:00' },
      recordedCutoff: '2023-06-28T21:30:00.000Z',
    });
  });

  it('orders and deduplicates the sanction types, and takes a position', () => {
    const resolved = resolveSanctionReviewParameters({ sanctionTypes: ['STRICTER_AVAILABILITY_2025', STRICTER_SANCTION_TYPE, 'STRICTER_AVAILABILITY_2025'], position: '42' }, now);
    expect(resolved.parameters.sanctionTypes).toEqual([STRICTER_SANCTION_TYPE, 'STRICTER_AVAILABILITY_2025']);
    expect(resolved.position).toBe(42n);
  });

  it.each([
    ['an unknown sanction type', { sanctionTypes: ['AVAILABILITY'] }, 'REPORT.UNKNOWN_SANCTION_TYPE', 'sanctionTypes'],
    ['a window that ends before it begins', { breachFrom: '2023-01-02', breachTo: '2023-01-01' }, 'REPORT.PERIOD_INVERTED', 'breachTo'],
    ['a breach date that is not a calendar date', { breachFrom: '2023-02-30' }, 'DATE.INVALID', 'breachFrom'],
    ['a known-on date that is not a calendar date', { knownOn: '2023-02-30' }, 'REPORT.INVALID_KNOWN_ON', 'knownOn'],
    ['a known-on time without a zone', { knownOn: '2023-08-29T23:59:59' }, 'REPORT.INVALID_KNOWN_ON', 'knownOn'],
    ['a position that is not decimal digits', { position: '-1' }, 'REPORT.INVALID_POSITION', 'position'],
  ])('refuses %s', (_, request, code, field) => {
    expect(refusal(() => resolveSanctionReviewParameters(request, now))).toMatchObject({ code, field });
  });

  it('takes stored parameters as they were, and refuses a stored shape that is not this report', () => {
    const stored: SanctionReviewParameters = { sanctionTypes: [STRICTER_SANCTION_TYPE], breachFrom: '2020-01-01', breachTo: null, knownOn: '2023-08-29', includeCitizens: false };
    expect(storedSanctionReviewParameters(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(refusal(() => storedSanctionReviewParameters({ ...stored, sanctionTypes: ['X'] }))).toMatchObject({ code: 'REPORT.STORED_PARAMETERS_INVALID' });
    expect(refusal(() => storedSanctionReviewParameters(null))).toMatchObject({ code: 'REPORT.STORED_PARAMETERS_INVALID' });
  });
});

describe('sanction review: the report and its CSV', () => {
  const { parameters, recordedCutoff } = resolveSanctionReviewParameters({ breachFrom: PERIOD.from, breachTo: PERIOD.to, knownOn: '2023-08-29' }, new Date());
  const folded = foldAsKnown(events, citizenCase, { position: END, recordedCutoff });
  const basis = { position: END.toString(), recordedCutoff, streamPrefix: 'citizen-case-', streamsRead: folded.length, eventsFolded: folded.reduce((n, s) => n + s.events, 0) };
  const report = buildSanctionReviewReport(parameters, basis, countSanctionReview(folded.map((s) => s.state), parameters));

  it('names its parameters, position, cutoff, precedence and rounding rule in a header, and holds nothing else that varies', () => {
    expect(report.header).toEqual({
      report: 'SANCTION_REVIEW',
      version: 1,
      parameters: { sanctionTypes: [STRICTER_SANCTION_TYPE, 'STRICTER_AVAILABILITY_2025'], breachFrom: '2020-01-01', breachTo: '2023-07-31', knownOn: '2023-08-29', includeCitizens: false },
      basis: { position: END.toString(), recordedCutoff: '2023-08-29T21:59:59.999Z', timeZone: 'Europe/Copenhagen', computedFrom: 'EVENTS', streamPrefix: 'citizen-case-', streamsRead: 36, eventsFolded: Number(knownOnPosition) },
      rules: expect.objectContaining({ precedence: ['PRACTICE_SURVEY', 'EXCLUDED_BY_ANKESTYRELSEN', 'OWN_METHODS', 'NATIONAL_EXTRACT'], repayment: 'ASSESSED_INCLUDES_SCHEDULED_AND_PAID' }),
    });
    const again = buildSanctionReviewReport(parameters, basis, countSanctionReview([...folded].reverse().map((s) => s.state), parameters));
    expect(reportJson(again)).toBe(reportJson(report));
  });

  it('in Danish: header lines starting with #, semicolons, and the total 35, 39, 25, 334.299', () => {
    const lines = sanctionReviewCsv(report, 'da').split('\r\n');
    const header = lines.filter((line) => line.startsWith('#'));
    expect(header).toHaveLength(9);
    expect(lines.slice(0, 9)).toEqual(header);
    expect(header).toEqual(
      expect.arrayContaining([
        `# position i hændelsesloggen: ${END} (senere hændelser i loggen er ikke medregnet)`,
        '# kendt pr. (registreringstid): 2023-08-29: fakta registreret til og med 2023-08-29T21:59:59.999Z (dagens udgang, dansk tid)',
        '# overtrædelsesdatoer (virkningstid): 2020-01-01 til 2023-07-31 (overtrædelsesdato, begge dage medregnet)',
      ]),
    );
    expect(header.find((line) => line.startsWith('# afrunding:'))).toContain('afrundet halvt op');
    expect(lines[9]).toBe('fundkilde;borgere;sanktioner;borgere med fejl;tilbagebetaling vurderet, kr.;heraf planlagt, kr.;heraf udbetalt, kr.;borgere med fejl, pct.');
    expect(lines[10]).toMatch(/^i Ankestyrelsens praksisundersøgelse;8;9;8;170\.320;/);
    expect(lines[14]).toMatch(/^I alt;35;39;25;334\.299;[\d.]+;[\d.]+;71 pct\.$/);
    expect(lines[15]).toBe('');
    expect(lines).toHaveLength(16);
  });

  it('in English: commas, quoted where a figure has a thousands separator', () => {
    const lines = sanctionReviewCsv(report, 'en').split('\r\n');
    expect(lines[10]).toMatch(/^in Ankestyrelsen's practice survey,8,9,8,"170,320",/);
    expect(lines[14]).toMatch(/^total,35,39,25,"334,299",.*,71%$/);
  });

  it('adds the citizens behind each row as a second table when the report has them', () => {
    const withCitizens = buildSanctionReviewReport({ ...parameters, includeCitizens: true }, basis, countSanctionReview(folded.map((s) => s.state), { ...parameters, includeCitizens: true }));
    const lines = sanctionReviewCsv(withCitizens, 'da').split('\r\n');
    const start = lines.indexOf('# borgere bag hver række (pseudonyme referencer)');
    expect(start).toBe(16);
    expect(lines[start + 2]).toBe('i Ankestyrelsens praksisundersøgelse;ref-ps1;ps1;ps1-s1 ps1-s2;ps1-s1 ps1-s2;37.970;0;37.970');
    expect(lines.slice(start + 2, -1)).toHaveLength(35);
  });
});

describe('reading the log through a position', () => {
  const page = (all: readonly RecordedEvent[], end: bigint) =>
    ({
      async readAll({ after = 0n, maxCount = 2 }: ReadAllOptions = {}): Promise<ReadAllResult> {
        const next = all.filter((e) => e.position > after && e.position <= end).slice(0, maxCount);
        const lastPosition = next.at(-1)?.position ?? after;
        return { events: next, lastPosition, isEnd: lastPosition >= end };
      },
    }) as unknown as EventStore;

  it('reads through the stable end when no position is given, and stands on it', async () => {
    const read = await readLogThrough(page(events, END), 'citizen-case-');
    expect(read.position).toBe(END);
    expect(read.events).toHaveLength(events.length);
  });

  it('reads through a given position only', async () => {
    const read = await readLogThrough(page(events, END), 'citizen-case-', knownOnPosition);
    expect(read).toEqual({ position: knownOnPosition, events: events.slice(0, Number(knownOnPosition)) });
  });

  it('refuses a position beyond the end of the stable log', async () => {
    await expect(readLogThrough(page(events, END), 'citizen-case-', END + 1n)).rejects.toMatchObject({ code: 'REPORT.POSITION_NOT_YET_STABLE', field: 'position' });
  });

  it('folds each stream in revision order from its events that qualify', () => {
    const stream = citizenCaseStream('ps1');
    const folded = foldAsKnown([...events].reverse(), citizenCase, { position: END, recordedCutoff: endOfDanishDay('2023-04-03') });
    const ps1 = folded.find((s) => s.streamName === stream)!;
    expect(Object.keys(ps1.state.sanctions)).toEqual(['ps1-s1', 'ps1-s2']);
    expect(ps1.state.sanctions['ps1-s1'].review?.outcome).toBe('ERROR');
    expect(Object.keys(ps1.state.repayments)).toEqual([]);
    expect(folded.map((s) => s.streamName)).toEqual([...folded.map((s) => s.streamName)].sort());
  });
});
