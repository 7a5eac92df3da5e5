import { startTestApi, type TestApi } from '../support/api-test-app';

const WRITERS = 64 * Number(process.env.FAULT_SCALE ?? 1);

/** Many writers on one case, each retrying on 412 with the revision it read: no lost update. */
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
    const writer = async (n: number): Promise<string> => {
      for (;;) {
        const current = await api.get(caseUrl);
        const response = await api.post(
          `${caseUrl}/sanctions`,
          { sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY', breachDate: '2021-03-01', period: { from: '2021-04-01', to: '2021-06-30' }, amountDeductedOre: 100_000 + n, decidedOn: '2021-03-15' },
          { headers: { 'if-match': String(current.headers.etag) } },
        );
        if (response.statusCode === 201) return response.body.sanctionId;
        expect(response.statusCode).toBe(412);
        preconditionFailures++;
      }
    };
    const sanctionIds = await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n)));
    const final = await api.get(caseUrl);
    process.stdout.write(
      `concurrent writers: writers ${WRITERS}, accepted ${new Set(sanctionIds).size}, 412 retries ${preconditionFailures}, final revision ${final.body.revision}\n`,
    );
    expect(new Set(sanctionIds).size).toBe(WRITERS);
    expect(final.body.revision).toBe(WRITERS);
    expect(Object.keys(final.body.state.sanctions).sort()).toEqual([...sanctionIds].sort());
    expect(preconditionFailures).toBeGreaterThan(0);
  });
});
