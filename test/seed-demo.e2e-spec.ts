import { seedDemo, type SeedClient } from '../scripts/seed-demo/seed-through-api';
import { startTestApi, type TestApi } from './support/api-test-app';

/**
 * `npm run seed:demo` at a small size (SEED_DEMO_SCALE, default 0.06: about twenty citizens): the
 * demo municipality goes in through the API's routes, every report route then answers with
 * figures, and a second run loads nothing.
 */
const SCALE = Number(process.env.SEED_DEMO_SCALE ?? '0.06');
const ADMIN = { as: ['admin'] as const, subject: 'system:seed-demo' };

describe('demo data through the API', () => {
  let api: TestApi;
  let client: SeedClient;
  let summary: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    api = await startTestApi({ projector: true, env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    client = { post: (url, body) => api.post(url, body, ADMIN), get: (url) => api.get(url, ADMIN) };
    summary = await seedDemo(client, { scale: SCALE });
  }, 300_000);
  afterAll(async () => {
    await api?.close();
  });

  it('loads cases, the review through all four discovery sources, repayments, appeals, committees and evidence', () => {
    expect(summary.skipped).toBe(false);
    const { counts } = summary;
    for (const source of ['PRACTICE_SURVEY', 'EXCLUDED_BY_ANKESTYRELSEN', 'OWN_METHODS', 'NATIONAL_EXTRACT']) expect(counts[`discoveries ${source}`]).toBeGreaterThan(0);
    expect(counts['reviews ERROR']).toBeGreaterThan(0);
    expect(counts['repayments assessed']).toBeGreaterThan(0);
    expect(counts['appeals lodged']).toBeGreaterThan(0);
    expect(counts['committee meetings']).toBeGreaterThanOrEqual(2);
    expect(counts['committee items, closed']).toBeGreaterThan(0);
    expect(counts.votes).toBeGreaterThan(0);
    expect(counts['extract citizens']).toBeGreaterThan(0);
    expect(summary.comparatorIds.length).toBeGreaterThan(0);
  });

  it('answers every report route with figures', async () => {
    const statistics = await api.get(`/reports/complaint-statistics?period=year&comparatorId=${summary.comparatorIds[0]}`, { as: ['appeals-liaison'] });
    expect(statistics.statusCode).toBe(200);
    expect(statistics.body.rows.length).toBeGreaterThan(0);
    expect(statistics.body.total.decided).toBeGreaterThan(0);
    expect(statistics.body.comparator).toMatchObject({ kind: 'IMPORTED_EVIDENCE' });

    const reconciliation = await api.get(`/reports/extract-reconciliation/${summary.extractId}`, { as: ['appeals-liaison'] });
    expect(reconciliation.statusCode).toBe(200);
    expect(reconciliation.body.citizens.inExtract).toBeGreaterThan(0);
    expect(reconciliation.body.citizens.inBoth).toBeGreaterThan(0);
    expect(reconciliation.body.citizens.onlyInExtractUnregistered).toBeGreaterThan(0);
    expect(reconciliation.body.sanctions.reportedByExtract).toBeGreaterThan(reconciliation.body.sanctions.verifiedInternally);

    const review = await api.get('/reports/sanction-review', { as: ['appeals-liaison'] });
    expect(review.statusCode).toBe(200);
    expect(review.body.total).toBeDefined();
    expect(review.body.rows.length).toBeGreaterThan(0);

    for (const format of ['csv']) {
      for (const url of ['/reports/complaint-statistics', `/reports/extract-reconciliation/${summary.extractId}`, '/reports/sanction-review']) {
        const csv = await api.get(`${url}?format=${format}&locale=da`, { as: ['auditor'] });
        expect({ url, status: csv.statusCode }).toEqual({ url, status: 200 });
        expect(String(csv.body).split('\r\n').length).toBeGreaterThan(8);
      }
    }
  });

  it('answers every report route the API documents, and the read models, with figures', async () => {
    const documented = await api.get('/docs-json', { as: null });
    const reportRoutes = Object.entries(documented.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path, methods]) => path.startsWith('/reports/') && 'get' in methods)
      .map(([path]) => path.replace('{extractId}', summary.extractId));
    expect(reportRoutes).toEqual(expect.arrayContaining(['/reports/complaint-statistics', `/reports/extract-reconciliation/${summary.extractId}`]));
    for (const url of reportRoutes) {
      expect(url).not.toMatch(/[{}]/);
      const response = await api.get(url, { as: ['admin'] });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
      expect(JSON.stringify(response.body).length).toBeGreaterThan(200);
    }
    for (const url of ['/read-models/cases', '/read-models/sanctions', '/read-models/appeals', '/read-models/committee-items']) {
      const response = await api.get(url, { as: ['admin'] });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
      expect(response.body.total).toBeGreaterThan(0);
    }
  });

  it('loads nothing the second time', async () => {
    const before = await api.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events');
    const again = await seedDemo(client, { scale: SCALE });
    expect(again).toMatchObject({ skipped: true, extractId: summary.extractId });
    expect((await api.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows).toEqual(before.rows);
  });
});
