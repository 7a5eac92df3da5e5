import { DISCOVERY_SOURCES } from '@casetrail/case-management';
import { PROJECTIONS, listParkedEvents, readCheckpoints } from '@casetrail/case-read-models';
import { ACCEPTANCE_FIXTURE_A, FIXTURE_A_EXPECTED_SUMMARY, summariseFixtureA, waitFor, type FixtureSummary } from '@casetrail/testing';
import { startTestApi, type TestApi } from './support/api-test-app';
import { loadFixtureAThroughApi, loadFixtureALaterFactsThroughApi, type LoadedFixtureA } from './support/load-fixture-a';

/**
 * Acceptance fixture A (../shared/domain.md) through the API: every fact posted by a caseworker,
 * the projector in the API process bringing the read models up to date, and the sanction review
 * table computed from the sanction register with SQL: per citizen, the first of their discovery
 * sources (the register keeps them in order of precedence), stricter sanctions breached in the
 * period only.
 */
const TABLE_SQL = `
  WITH counted AS (
    SELECT citizen_ref, discovery_sources[1] AS source, review_outcome, repayment_assessed_ore
    FROM read_model.sanction_register
    WHERE stricter AND breach_date BETWEEN $1::date AND $2::date
  ), per_citizen AS (
    SELECT citizen_ref,
           (array_agg(source ORDER BY array_position($3::text[], source)))[1] AS source,
           count(*) AS sanctions,
           coalesce(bool_or(review_outcome = 'ERROR'), false) AS with_error,
           sum(repayment_assessed_ore) AS repayment_ore
    FROM counted
    GROUP BY citizen_ref
  )
  SELECT grouping(source) = 1 AS is_total, source,
         count(*)::int AS citizens,
         sum(sanctions)::int AS sanctions,
         (count(*) FILTER (WHERE with_error))::int AS citizens_with_error,
         sum(repayment_ore)::text AS repayment_ore
  FROM per_citizen
  GROUP BY GROUPING SETS ((source), ())
  ORDER BY is_total, array_position($3::text[], source)`;

interface TableRow {
  is_total: boolean;
  source: string | null;
  citizens: number;
  sanctions: number;
  citizens_with_error: number;
  repayment_ore: string;
}

describe('acceptance fixture A: the sanction review table, through the API', () => {
  let api: TestApi;
  let loaded: LoadedFixtureA;

  beforeAll(async () => {
    api = await startTestApi({ projector: true });
    loaded = await loadFixtureAThroughApi(api);
    await projectTo(loaded.lastPosition);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('gives exactly the table per discovery source and in total from the sanction register', async () => {
    expect(await tableFromRegister()).toEqual(FIXTURE_A_EXPECTED_SUMMARY);
    expect([Object.keys(loaded.caseIds).length, Object.keys(loaded.sanctionIds).length]).toEqual([36, 42]);
  });

  it('has the distractors in the register, left out by type and breach date', async () => {
    const { rows } = await api.database.pool.query<{ sanction_id: string; stricter: boolean; breach_date: string }>(
      `SELECT sanction_id, stricter, to_char(breach_date, 'YYYY-MM-DD') AS breach_date FROM read_model.sanction_register
       WHERE NOT stricter OR breach_date NOT BETWEEN $1::date AND $2::date ORDER BY breach_date`,
      [ACCEPTANCE_FIXTURE_A.period.from, ACCEPTANCE_FIXTURE_A.period.to],
    );
    expect(rows).toEqual([
      { sanction_id: loaded.sanctionIds['x2019-s1'], stricter: true, breach_date: '2019-09-16' },
      { sanction_id: loaded.sanctionIds['own13-s1'], stricter: false, breach_date: '2022-02-14' },
      { sanction_id: loaded.sanctionIds['own12-s2'], stricter: true, breach_date: '2023-08-02' },
    ]);
    const { rows: all } = await api.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM read_model.sanction_register');
    expect(all[0].n).toBe(39 + 3);
  });

  it('keeps the CPR numbers out of every read-model table, and out of every other table and the logs in plain text', async () => {
    const cprs = ACCEPTANCE_FIXTURE_A.citizens.flatMap(({ cpr }) => [cpr, cpr.replace('-', '')]);
    const { rows: tables } = await api.database.pool.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const scanned: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await api.database.pool.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      scanned[name] = rows.length;
      const leaks = rows.filter(({ row }) => cprs.some((cpr) => row.includes(cpr)));
      expect({ table: name, leaks }).toEqual({ table: name, leaks: [] });
    }
    expect(scanned).toMatchObject({
      'read_model.case_summary': 36,
      'read_model.sanction_register': 42,
      'read_model.audit_trail': loaded.requests,
      'event_store.events': loaded.requests,
      'personal_data.citizens': 36,
    });
    expect(api.logLines.filter((line) => cprs.some((cpr) => line.includes(cpr)))).toEqual([]);
  });

  // Runs last: it adds the later facts to this database.
  it('changes the current register once the facts recorded after 2023-08-29 are in, as the fixture says they must', async () => {
    const later = await loadFixtureALaterFactsThroughApi(api, loaded);
    expect(later.requests - loaded.requests).toBe(ACCEPTANCE_FIXTURE_A.laterFacts.length);
    expect(later.knownOnPosition).toBe(loaded.lastPosition);
    await projectTo(later.lastPosition);

    const table = await tableFromRegister();
    expect(table).toEqual(summariseFixtureA(ACCEPTANCE_FIXTURE_A, { includeLaterFacts: true }));
    expect(table).not.toEqual(FIXTURE_A_EXPECTED_SUMMARY);
  });

  /** Waits until the in-process projector has brought every projection up to `position`, parking nothing. */
  async function projectTo(position: bigint): Promise<void> {
    await waitFor(
      `every projection at position ${position}`,
      async () => {
        const checkpoints = await readCheckpoints(api.database.pool);
        const reached = PROJECTIONS.every((p) => (checkpoints.find((c) => c.projection === p.name)?.position ?? 0n) >= position);
        return reached ? true : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 20 },
    );
    expect(await listParkedEvents(api.database.pool)).toEqual([]);
  }

  async function tableFromRegister(): Promise<FixtureSummary> {
    const { period } = ACCEPTANCE_FIXTURE_A;
    const { rows } = await api.database.pool.query<TableRow>(TABLE_SQL, [period.from, period.to, DISCOVERY_SOURCES]);
    const figures = (row: TableRow) => ({
      citizens: row.citizens,
      sanctions: row.sanctions,
      citizensWithError: row.citizens_with_error,
      repaymentOre: Number(row.repayment_ore),
    });
    const zero = { citizens: 0, sanctions: 0, citizensWithError: 0, repaymentOre: 0 };
    const row = (source: string | null) => rows.find((r) => (source === null ? r.is_total : !r.is_total && r.source === source));
    const unexpected = rows.filter((r) => !r.is_total && !DISCOVERY_SOURCES.includes(r.source as (typeof DISCOVERY_SOURCES)[number]));
    expect(unexpected).toEqual([]);
    return {
      rows: DISCOVERY_SOURCES.map((source) => ({ source, ...(row(source) ? figures(row(source)!) : zero) })),
      total: row(null) ? figures(row(null)!) : zero,
    };
  }
});
