import { startTestApi, type TestApi } from '../support/api-test-app';

const SCALE = Number(process.env.FAULT_SCALE ?? 1);
const WRITERS = 64 * SCALE;

/**
 * Many writers on one case, each retrying on 412 with the revision it read: no lost update. A 503
 * (no database connection free within the pool's timeout, on a starved machine) is retried as a
 * client would after Retry-After.
 */
describe('64 concurrent writers on one case with If-Match', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('accepts every write exactly once; the final revision equals the number of accepted writes', async () => {
    const opened = await api.post('/citizen-cases', { caseNumber: 'EMN-2023-05050', cpr: '0101901234', legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord' });
    const caseUrl = opened.headers.location as string;
    let preconditionFailures = 0;
    let unavailable = 0;
    const backOff = async (): Promise<void> => {
      unavailable++;
      await new Promise((r) => setTimeout(r, 50));
    };
    const writer = async (n: number): Promise<string> => {
      for (;;) {
        const current = await api.get(caseUrl);
        if (current.statusCode === 503) {
          await backOff();
          continue;
        }
        const response = await api.post(
          `${caseUrl}/sanctions`,
          { sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY', breachDate: '2021-03-01', period: { from: '2021-04-01', to: '2021-06-30' }, amountDeductedOre: 100_000 + n, decidedOn: '2021-03-15' },
          { headers: { 'if-match': String(current.headers.etag) } },
        );
        if (response.statusCode === 201) return response.body.sanctionId;
        if (response.statusCode === 503) {
          await backOff();
          continue;
        }
        if (response.statusCode !== 412) throw new Error(`writer ${n}: ${response.statusCode} ${JSON.stringify(response.body)}`);
        preconditionFailures++;
      }
    };
    const sanctionIds = await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n)));
    const final = await api.get(caseUrl);
    process.stdout.write(
      `concurrent writers: writers ${WRITERS}, accepted ${new Set(sanctionIds).size}, 412 retries ${preconditionFailures}, 503 retries ${unavailable}, final revision ${final.body.revision}\n`,
    );
    expect(new Set(sanctionIds).size).toBe(WRITERS);
    expect(final.body.revision).toBe(WRITERS);
    expect(Object.keys(final.body.state.sanctions).sort()).toEqual([...sanctionIds].sort());
    expect(preconditionFailures).toBeGreaterThan(0);
  }, 180_000 * SCALE);
});
