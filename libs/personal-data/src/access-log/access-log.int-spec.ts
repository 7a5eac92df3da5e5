import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import { AccessLog, type CitizenAccess } from './access-log';

const CITIZEN = '0193f0c8-0000-7000-8000-0000000000a1';
const OTHER = '0193f0c8-0000-7000-8000-0000000000b2';
const CASE = '0193f0c8-0000-7000-8000-0000000000c3';

const access = (changes: Partial<CitizenAccess> = {}): CitizenAccess => ({
  citizenRef: CITIZEN,
  accessedAt: new Date('2026-03-01T10:00:00Z'),
  actor: 'caseworker-7',
  actorName: 'Karen Caseworker',
  route: 'GET /citizen-cases/:caseId',
  path: `/citizen-cases/${CASE}`,
  caseId: CASE,
  purpose: 'Partshøring før afgørelse',
  correlationId: 'corr-1',
  ...changes,
});

describe('AccessLog', () => {
  let db: TestDatabase;
  let log: AccessLog;

  beforeAll(async () => {
    db = await createTestDatabase();
    log = await AccessLog.create(db.pool);
  });
  afterAll(() => db.drop());

  it("lists a citizen's entries newest first, paged, with who, when, route, case and purpose", async () => {
    const first = await log.record(access());
    const second = await log.record(access({ accessedAt: new Date('2026-03-02T08:00:00Z'), actor: 'auditor-1', actorName: undefined, caseId: undefined, purpose: 'Revision' }));
    await log.record(access({ citizenRef: OTHER }));

    const page = await log.listForCitizen(CITIZEN, { page: 1, pageSize: 1 });
    expect(page).toEqual({
      items: [
        {
          id: second,
          citizenRef: CITIZEN,
          accessedAt: '2026-03-02T08:00:00.000Z',
          actor: 'auditor-1',
          actorName: null,
          route: 'GET /citizen-cases/:caseId',
          path: `/citizen-cases/${CASE}`,
          caseId: null,
          purpose: 'Revision',
          correlationId: 'corr-1',
        },
      ],
      page: 1,
      pageSize: 1,
      total: 2,
    });
    const next = await log.listForCitizen(CITIZEN, { page: 2, pageSize: 1 });
    expect(next.items.map((e) => e.id)).toEqual([first]);
    expect(next.items[0]).toMatchObject({ actor: 'caseworker-7', actorName: 'Karen Caseworker', caseId: CASE, purpose: 'Partshøring før afgørelse' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await log.record(access());
    await expect(db.pool.query("UPDATE access_log.entries SET purpose = 'changed'")).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM access_log.entries')).rejects.toThrow(/append-only/);
    await expect(db.pool.query('TRUNCATE access_log.entries')).rejects.toThrow(/append-only/);
    expect((await log.listForCitizen(CITIZEN, { page: 1, pageSize: 50 })).total).toBeGreaterThan(0);
  });

  it('refuses a purpose that is blank, too long, not printable or holds a CPR number, recording nothing', async () => {
    const before = (await log.listForCitizen(OTHER, { page: 1, pageSize: 1 })).total;
    for (const purpose of ['', '   ', 'x'.repeat(201), 'line\nbreak', 'Borger 010190-1234', 'Borger 0101901234']) {
      await expect(log.record(access({ citizenRef: OTHER, purpose }))).rejects.toMatchObject({ code: 'ACCESS.PURPOSE_INVALID' });
    }
    expect((await log.listForCitizen(OTHER, { page: 1, pageSize: 1 })).total).toBe(before);
  });

  it('runs its migrations once however often it is created', async () => {
    await Promise.all([AccessLog.create(db.pool), AccessLog.create(db.pool)]);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM access_log.schema_version');
    expect(rows[0].n).toBe(1);
  });
});
