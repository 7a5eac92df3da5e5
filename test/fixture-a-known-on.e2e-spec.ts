import { DISCOVERY_SOURCES } from '@casetrail/case-management';
import { ACCEPTANCE_FIXTURE_A, FIXTURE_A_EXPECTED_SUMMARY, STRICTER_SANCTION_TYPE, laterFactDate, type FixtureCitizen, type IsoDate } from '@casetrail/testing';
import { startTestApi, type TestApi, type TestClock } from './support/api-test-app';
import { loadFixtureAThroughApi, waitForLoadedFacts, type LoadedFixtureA } from './support/load-fixture-a';

/**
 * Acceptance fixture A through the API with the server's clock at each fact's own date, then the
 * sanction review "as known on" the day before the national extract's citizens were identified.
 * The expected table is counted here, straight from the fixture's data: every fact whose date is on
 * or before the cutoff, nothing else. The same counting at 2023-08-29 must give the domain's table,
 * which shows the counting itself is right.
 */
const SOURCES = [...DISCOVERY_SOURCES, 'NOT_IDENTIFIED'] as const;
const REPORT = `/reports/sanction-review?sanctionTypes=${STRICTER_SANCTION_TYPE}&breachFrom=${ACCEPTANCE_FIXTURE_A.period.from}&breachTo=${ACCEPTANCE_FIXTURE_A.period.to}`;

interface Figures {
  citizens: number;
  sanctions: number;
  citizensWithError: number;
  repaymentOre: number;
}
type Table = { rows: ({ source: string } & Figures)[]; total: Figures };

interface ReportRow {
  readonly source: string;
  readonly citizens: number;
  readonly sanctions: number;
  readonly citizensWithError: number;
  readonly repayment: { readonly assessedOre: number };
}
interface Report {
  readonly header: { readonly basis: { readonly position: string; readonly recordedCutoff: string; readonly streamsRead: number; readonly eventsFolded: number } };
  readonly rows: readonly ReportRow[];
  readonly total: Omit<ReportRow, 'source'>;
}

/** The day before the first national-extract identification: 2023-08-06. */
function dayBeforeNationalExtract(): IsoDate {
  const first = ACCEPTANCE_FIXTURE_A.citizens
    .flatMap((c) => c.discoveries.filter((d) => d.source === 'NATIONAL_EXTRACT').map((d) => d.identifiedOn))
    .sort()[0];
  const day = new Date(`${first}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** The dates of every fact of a citizen, one per event the loader posts. */
function factDates(c: FixtureCitizen): IsoDate[] {
  return [
    c.openedOn,
    ...c.discoveries.map((d) => d.identifiedOn),
    ...c.sanctions.flatMap((s) => (s.review ? [s.decidedOn, s.review.reviewedOn] : [s.decidedOn])),
    ...c.repayments.flatMap((r) => [r.assessedOn, ...(r.schedule ? [r.schedule.on] : []), ...(r.issuedOn ? [r.issuedOn] : [])]),
  ];
}

/** The table as known at the end of `cutoff`: the facts dated on or before it, counted with plain code. */
function expectedTable(cutoff: IsoDate): Table {
  const { period, citizens } = ACCEPTANCE_FIXTURE_A;
  const rows = new Map<string, Figures>(SOURCES.map((source) => [source, { citizens: 0, sanctions: 0, citizensWithError: 0, repaymentOre: 0 }]));
  for (const citizen of citizens) {
    if (citizen.openedOn > cutoff) continue;
    const counted = citizen.sanctions.filter(
      (s) => s.decidedOn <= cutoff && s.sanctionType === STRICTER_SANCTION_TYPE && s.breachDate >= period.from && s.breachDate <= period.to,
    );
    if (counted.length === 0) continue;
    const known = citizen.discoveries.filter((d) => d.identifiedOn <= cutoff).map((d) => d.source);
    const source = DISCOVERY_SOURCES.find((s) => known.includes(s)) ?? 'NOT_IDENTIFIED';
    const row = rows.get(source)!;
    row.citizens += 1;
    row.sanctions += counted.length;
    if (counted.some((s) => s.review !== null && s.review.reviewedOn <= cutoff && s.review.outcome === 'ERROR')) row.citizensWithError += 1;
    const keys = counted.map((s) => s.key);
    for (const repayment of citizen.repayments.filter((r) => r.assessedOn <= cutoff)) {
      const covered = repayment.sanctionKeys.filter((key) => keys.includes(key));
      if (covered.length > 0 && covered.length < repayment.sanctionKeys.length) throw new Error(`${repayment.key} repays counted and uncounted sanctions`);
      if (covered.length > 0) row.repaymentOre += repayment.amountOre;
    }
  }
  const listed = [...rows.entries()].filter(([source, f]) => source !== 'NOT_IDENTIFIED' || f.citizens > 0).map(([source, f]) => ({ source, ...f }));
  const total = listed.reduce(
    (sum, r) => ({ citizens: sum.citizens + r.citizens, sanctions: sum.sanctions + r.sanctions, citizensWithError: sum.citizensWithError + r.citizensWithError, repaymentOre: sum.repaymentOre + r.repaymentOre }),
    { citizens: 0, sanctions: 0, citizensWithError: 0, repaymentOre: 0 },
  );
  return { rows: listed, total };
}

function asTable(report: Report): Table {
  const figures = (r: Omit<ReportRow, 'source'>): Figures => ({ citizens: r.citizens, sanctions: r.sanctions, citizensWithError: r.citizensWithError, repaymentOre: r.repayment.assessedOre });
  return { rows: report.rows.map((r) => ({ source: r.source, ...figures(r) })), total: figures(report.total) };
}

describe('acceptance fixture A through the API, as known before the national extract arrived', () => {
  const clock: TestClock = {};
  let api: TestApi;
  let loaded: LoadedFixtureA;
  const cutoff = dayBeforeNationalExtract();

  beforeAll(async () => {
    api = await startTestApi({ projector: true, clock });
    loaded = await loadFixtureAThroughApi(api, { includeLaterFacts: true, clock });
    await waitForLoadedFacts(api, loaded);
  });
  afterAll(async () => {
    await api?.close();
  });

  async function report(knownOn: IsoDate): Promise<Report> {
    const response = await api.get(`${REPORT}&knownOn=${knownOn}`, { as: ['appeals-liaison'] });
    expect({ knownOn, status: response.statusCode }).toEqual({ knownOn, status: 200 });
    return response.body as Report;
  }

  it('counts, from the fixture data alone, the domain table as known on 2023-08-29', () => {
    expect(cutoff).toBe('2023-08-06');
    expect(ACCEPTANCE_FIXTURE_A.laterFacts.every((fact) => laterFactDate(fact) > ACCEPTANCE_FIXTURE_A.knownOn)).toBe(true);
    expect(expectedTable(ACCEPTANCE_FIXTURE_A.knownOn)).toEqual({
      rows: FIXTURE_A_EXPECTED_SUMMARY.rows.map((r) => ({ ...r })),
      total: FIXTURE_A_EXPECTED_SUMMARY.total,
    });
  });

  it(`gives the smaller table as known on the day before the national extract's citizens were identified`, async () => {
    const expected = expectedTable(cutoff);
    const body = await report(cutoff);
    expect(asTable(body)).toEqual(expected);

    // Nobody is yet found through the extract; its citizens' sanctions were recorded, unidentified.
    expect(expected.rows.find((r) => r.source === 'NATIONAL_EXTRACT')).toMatchObject({ citizens: 0, sanctions: 0 });
    expect(expected.rows.find((r) => r.source === 'NOT_IDENTIFIED')).toMatchObject({ citizens: 10, sanctions: 10, citizensWithError: 0, repaymentOre: 0 });
    expect(expected.total.citizensWithError).toBeLessThan(FIXTURE_A_EXPECTED_SUMMARY.total.citizensWithError);
    expect(expected.total.repaymentOre).toBeLessThan(FIXTURE_A_EXPECTED_SUMMARY.total.repaymentOre);

    // What it was computed from: the facts dated on or before the cutoff, at a position past them all.
    const facts = ACCEPTANCE_FIXTURE_A.citizens.flatMap(factDates);
    expect(facts).toHaveLength(loaded.requests - ACCEPTANCE_FIXTURE_A.laterFacts.length);
    expect(body.header.basis).toMatchObject({
      recordedCutoff: '2023-08-06T21:59:59.999Z',
      streamsRead: ACCEPTANCE_FIXTURE_A.citizens.filter((c) => c.openedOn <= cutoff).length,
      eventsFolded: facts.filter((date) => date <= cutoff).length,
    });
    expect(BigInt(body.header.basis.position)).toBeGreaterThanOrEqual(loaded.lastPosition);
  });

  it('gives the domain table as known on 2023-08-29 from the same log', async () => {
    const body = await report(ACCEPTANCE_FIXTURE_A.knownOn);
    expect(asTable(body)).toEqual(expectedTable(ACCEPTANCE_FIXTURE_A.knownOn));
    expect(asTable(body).rows.map((r) => r.source)).toEqual([...DISCOVERY_SOURCES]);
  });
});
