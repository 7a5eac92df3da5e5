import fc from 'fast-check';
import { registeredRoutes, type RegisteredRoute } from '../apps/api/src/security/registered-routes';
import { startTestApi, type TestApi } from './support/api-test-app';

/**
 * Hostile input against every write route the router has: malformed and boundary bodies, ids of
 * existing and unknown aggregates. Never a 5xx; every refusal a problem document; a refused request
 * leaves the event store as it was. FUZZ_RUNS requests in all (npm run test:fuzz: 5000); FUZZ_SEED
 * replays a run.
 */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Text sent as is where a JSON value goes: numbers JSON.stringify cannot write, broken tokens. */
class Raw {
  constructor(readonly text: string) {}
}

/** An object whose keys may repeat (JSON text allows it; the parser keeps the last). */
class Entries {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

function toText(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Entries) return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${toText(item)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toText).join(',')}]`;
  if (value !== null && typeof value === 'object') return toText(new Entries(Object.entries(value)));
  return JSON.stringify(value) ?? 'null';
}

const BAD_DATES = [
  '2023-02-29', '2024-02-30', '2023-13-01', '2023-00-10', '2023-06-31', '0000-01-01', '9999-12-31', '+275760-09-13', '-000001-01-01',
  '2023-6-1', '20230628', '28-06-2023', '2023-06-28T25:00:00Z', '2023-06-28T09:00:00+99:00', '2023-06-28T09:00:00+24:00',
  '2023-06-28T09:00:00.123456789Z', '2023-06-28T09:00:60Z', '1970-01-01T00:00:00Z', '275760-09-13T00:00:00.001Z', 'today', ' 2023-06-28',
  '2023-06-28 ', '2023-06-28\u0000', '２０２３-０６-２８',
];
const INJECTIONS = [
  "'; DROP TABLE event_store.events; --", "' OR '1'='1", '1; SELECT pg_sleep(5)--', '$1', '\\', '"', "\\'", '{"$ne":null}',
  '"},"roles":["admin"],"x":{"', '__proto__', 'constructor', '%00', '../../etc/passwd', '<script>alert(1)</script>', '${7*7}', '{{7*7}}',
];
const ODD_TEXT = [
  '', ' ', '\t\n', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800', '\u202egnp.exe', '\ufeff', '\u200b', 'İ', 'ﬃ', 'e\u0301',
  '👩‍👩‍👧‍👦', 'Æøå ÆØÅ', '010190-1234', 'null', 'true', 'NaN', 'Infinity', '-1', '1e309',
];
const NUMBERS = [0, -0, -1, 1, 1.5, -1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21, 1e308, -1e308, 5e-324];
const RAW_NUMBERS = ['1e999', '-1e999', '123456789012345678901234567890', '9223372036854775808', '-0.0', '1E2', '0.1e-400'];
const ODD_IDS = ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'not-a-uuid', '{0190c7a2-0000-7000-8000-000000000001}', '0190c7a20000700080000000000000001'];

const text = fc.oneof(
  fc.constantFrom(...BAD_DATES, ...INJECTIONS, ...ODD_TEXT),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.constantFrom(201, 4_001, 10_001, 70_000, 250_000).map((length) => 'x'.repeat(length)),
);
const number = fc.oneof(fc.constantFrom(...NUMBERS), fc.integer(), fc.double(), fc.constantFrom(...RAW_NUMBERS).map((raw) => new Raw(raw)));
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'effectiveAt', '', ' ', '$where', 'a.b', '0', 'caseId', 'actor'),
  fc.string({ maxLength: 8 }),
);
const { hostile } = fc.letrec<{ hostile: unknown }>((tie) => ({
  hostile: fc.oneof(
    { depthSize: 'small' },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constantFrom(...ODD_IDS),
    fc.array(tie('hostile'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('hostile')), { maxLength: 4 }).map((entries) => new Entries(entries)),
    fc.constantFrom(1_000, 30_000).map((length) => new Raw(`[${'1,'.repeat(length - 1)}1]`)),
    fc.constantFrom(33, 5_000, 50_000).map((depth) => new Raw(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
    fc.constantFrom(33, 5_000).map((depth) => new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
  ),
}));

const MALFORMED = [
  '', '{', '{"a":', 'null', '[]', '[{}]', '"text"', '123', 'true', '\ufeff{}', '{}garbage', '{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":undefined}',
  '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', `{"a":"${'x'.repeat(300 * 1024)}"}`,
];
const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x', 'application/problem+json', undefined,
    ),
  },
);

type Template = Record<string, unknown>;
type Path = readonly (string | number)[];

/** Every path into a template, nested objects and array items included. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => [[...prefix, name], ...pathsOf(item, [...prefix, name])]);
  }
  return [];
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((item, step) => (item as Record<string | number, unknown>)[step], value);
}

/** A copy of `value` with the item at `path` replaced (or removed when `replacement` is `REMOVE`). */
const REMOVE = Symbol('remove');
function withPath(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === REMOVE) copy.splice(head as number, 1);
    else copy[head as number] = withPath(copy[head as number], rest, replacement);
    return copy;
  }
  const entries = Object.entries(value as object).flatMap(([name, item]): [string, unknown][] => {
    if (name !== head) return [[name, item]];
    if (rest.length === 0 && replacement === REMOVE) return [];
    return [[name, withPath(item, rest, replacement)]];
  });
  return Object.fromEntries(entries);
}

/** A value of the same kind as `original` (text for text, a number for a number …) with hostile content. */
function sameKindAs(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string') {
    const odd = fc.constantFrom(...ODD_TEXT, ...INJECTIONS);
    return fc.oneof(text, odd.map((extra) => `${original}${extra}`), odd.map((extra) => `${extra}${original}`), fc.constantFrom(...BAD_DATES), fc.constant(original.repeat(50)));
  }
  if (typeof original === 'number') return number;
  if (typeof original === 'boolean') return fc.constantFrom('true', 'false', 1, 0, null, [true]);
  if (Array.isArray(original)) {
    const lists = [[], [original], [[]], [null], [...original, ...original], Array.from({ length: 60 }, () => original[0])];
    return fc.oneof(fc.constantFrom(...lists), fc.array(hostile, { maxLength: 3 }));
  }
  if (original !== null && typeof original === 'object') return fc.oneof(fc.constantFrom([], [original], [[]], null, 'object', Object.values(original)), hostile);
  return hostile;
}

/** The body of a request: a template bent one way, or something else altogether. */
function bodies(template: Template): fc.Arbitrary<string | undefined> {
  const paths = pathsOf(template);
  const somePath = paths.length > 0 ? fc.constantFrom(...paths) : fc.constant<Path>([]);
  return fc.oneof(
    {
      weight: 5,
      arbitrary: somePath.chain((path) => sameKindAs(paths.length > 0 ? valueAt(template, path) : template).map((value) => toText(paths.length > 0 ? withPath(template, path, value) : value))),
    },
    { weight: 4, arbitrary: fc.tuple(somePath, hostile).map(([path, value]) => toText(paths.length > 0 ? withPath(template, path, value) : value)) },
    { weight: 1, arbitrary: somePath.map((path) => JSON.stringify(paths.length > 0 ? withPath(template, path, REMOVE) : template)) },
    { weight: 2, arbitrary: fc.tuple(key, hostile).map(([name, value]) => toText(new Entries([...Object.entries(template), [name, value]]))) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...(Object.keys(template).length > 0 ? Object.keys(template) : ['a'])), hostile).map(([name, value]) =>
        toText(new Entries([...Object.entries(template), [name, value]])),
      ),
    },
    { weight: 2, arbitrary: hostile.map(toText) },
    { weight: 1, arbitrary: fc.constantFrom<string | undefined>(...MALFORMED, undefined) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(template)) },
  );
}

const headerText = fc.oneof(
  fc.constantFrom('"0"', '"999999"', 'W/"1"', '*', 'garbage', '"-1"', '"1e3"', '"99999999999999999999"', '', ' '),
  fc.string({ unit: 'grapheme-ascii', maxLength: 300 }).map((value) => value.replace(/[^\x20-\x7e]/g, '')),
);
const headers = fc.record({ 'if-match': headerText, 'idempotency-key': headerText, 'x-correlation-id': headerText }, { requiredKeys: [] });

describe('hostile input to every write route', () => {
  let api: TestApi;
  let writeRoutes: RegisteredRoute[];
  const existing: Record<string, string[]> = {};
  const templates: Record<string, Template> = {};
  const byStatus = new Map<number, number>();
  let sent = 0;

  beforeAll(async () => {
    api = await startTestApi();
    writeRoutes = (await registeredRoutes(api.app)).filter((route) => route.method === 'POST');
    await createAggregates();
  }, 60_000);
  afterAll(async () => {
    const refused = [...byStatus].filter(([status]) => status >= 400).reduce((sum, [, count]) => sum + count, 0);
    process.stdout.write(
      `fuzz: ${sent} requests to ${writeRoutes?.length ?? 0} write routes; ${sent - refused} accepted, ${refused} refused; ` +
        `by status ${JSON.stringify(Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)))}\n`,
    );
    await api.close();
  });

  it('never answers 5xx, refuses only with problem documents, and a refusal stores nothing', async () => {
    expect(writeRoutes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    const runsPerRoute = Math.max(1, Math.ceil(FUZZ_RUNS / writeRoutes.length));
    for (const route of writeRoutes) {
      const params = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]);
      const request = fc.record({
        ids: fc.tuple(...params.map((name) => idFor(name))),
        body: bodies(templates[`POST ${route.url}`] ?? {}),
        contentType,
        headers: fc.option(headers, { freq: 3 }),
      });
      const details = await fc.check(
        fc.asyncProperty(request, async ({ ids, body, contentType: type, headers: extra }) => {
          let url = route.url;
          params.forEach((name, index) => (url = url.replace(`:${name}`, ids[index])));
          const before = await storeMark();
          const response = await api.app.inject({
            method: 'POST',
            url,
            headers: { authorization: `Bearer ${await api.token(['admin'], 'fuzzer')}`, ...(type ? { 'content-type': type } : {}), ...(extra ?? {}) },
            ...(body === undefined ? {} : { payload: body }),
          });
          sent += 1;
          byStatus.set(response.statusCode, (byStatus.get(response.statusCode) ?? 0) + 1);
          const where = `POST ${url} (${type ?? 'no content type'}) ${shorten(body ?? '(no body)')}`;
          if (response.statusCode >= 500) {
            const logged = api.logLines.filter((line) => line.includes('unhandled error')).at(-1) ?? '';
            throw new Error(`${where}\n-> ${response.statusCode} ${shorten(response.body)}\n${shorten(logged, 1500)}`);
          }
          if (response.statusCode >= 400) {
            if (!isProblem(response.statusCode, String(response.headers['content-type']), response.body)) {
              throw new Error(`${where}\n-> ${response.statusCode} not a problem document: ${shorten(response.body)}`);
            }
            const after = await storeMark();
            if (after.events !== before.events || after.last !== before.last) throw new Error(`${where}\n-> ${response.statusCode}, yet the event store changed`);
          }
        }),
        { numRuns: runsPerRoute, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) },
      );
      if (details.failed) {
        const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        failures.push(`POST ${route.url} (seed ${details.seed}, path "${details.counterexamplePath}"):\n${cause}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('refuses, as problem documents storing nothing, the inputs it found answering 500 or not as a problem', async () => {
    const caseUrl = `/citizen-cases/${existing.caseId[0]}`;
    const open = templates['POST /citizen-cases'];
    const found: [string, string, number, string][] = [
      [`${caseUrl}/closure`, `{"reason":${'['.repeat(5_000)}${']'.repeat(5_000)}}`, 400, 'REQUEST.BODY_TOO_DEEP'],
      [`/committee-items/${existing.itemId[0]}/links`, `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`, 400, 'REQUEST.BODY_TOO_DEEP'],
      ['/citizen-cases', JSON.stringify({ ...open, owningUnit: 'Jobcenter\u0000Nord' }), 400, 'REQUEST.INVALID_TEXT'],
      ['/citizen-cases', JSON.stringify({ ...open, owningUnit: 'Jobcenter \ud800' }), 400, 'REQUEST.INVALID_TEXT'],
      [`${caseUrl}/corrections`, JSON.stringify({ ...templates['POST /citizen-cases/:caseId/corrections'], target: [null] }), 400, 'REQUEST.VALIDATION_FAILED'],
      ['/committee-items', JSON.stringify({ ...templates['POST /committee-items'], committee: [] }), 400, 'REQUEST.VALIDATION_FAILED'],
      [`/committee-items/${existing.itemId[0]}/attendance`, '{"entries":[[]]}', 400, 'REQUEST.VALIDATION_FAILED'],
      ['/evidence/extracts', JSON.stringify({ ...templates['POST /evidence/extracts'], citizens: [[]] }), 400, 'REQUEST.VALIDATION_FAILED'],
      ['/citizen-cases/%ZZ/closure', '{"reason":"MOVED_AWAY"}', 400, 'REQUEST.BAD_URL'],
      [`/citizen-cases/${'x'.repeat(200)}/closure`, '{"reason":"MOVED_AWAY"}', 414, 'REQUEST.URL_TOO_LONG'],
    ];
    for (const [url, payload, status, code] of found) {
      const before = await storeMark();
      const response = await api.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${await api.token(['admin'])}`, 'content-type': 'application/json' } });
      const problem = isProblem(response.statusCode, String(response.headers['content-type']), response.body);
      expect({ url: shorten(url), status: response.statusCode, code: codeOf(response.body), problem }).toEqual({ url: shorten(url), status, code, problem: true });
      expect(await storeMark()).toEqual(before);
    }
  });

  it('never answers 5xx to a valid body with any one field null, an array, an object or empty', async () => {
    const failures: string[] = [];
    for (const route of writeRoutes) {
      const template = templates[`POST ${route.url}`];
      if (template === undefined) continue;
      const url = route.url.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => (existing[name] ?? [])[0] ?? '0190c7a2-0000-7000-8000-0000000000aa');
      for (const path of pathsOf(template)) {
        for (const value of [null, [], {}, '']) {
          const payload = JSON.stringify(withPath(template, path, value));
          const before = await storeMark();
          const response = await api.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${await api.token(['admin'], 'fuzzer')}`, 'content-type': 'application/json' } });
          sent += 1;
          byStatus.set(response.statusCode, (byStatus.get(response.statusCode) ?? 0) + 1);
          const refusedWell = response.statusCode < 400 || (isProblem(response.statusCode, String(response.headers['content-type']), response.body) && JSON.stringify(await storeMark()) === JSON.stringify(before));
          if (response.statusCode >= 500 || !refusedWell) failures.push(`POST ${route.url} ${path.join('.')}=${JSON.stringify(value)} -> ${response.statusCode} ${shorten(response.body, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  /** The ids a path parameter takes: mostly those of aggregates that exist, also unknown and malformed ones. */
  function idFor(name: string): fc.Arbitrary<string> {
    const known = existing[name] ?? Object.values(existing).flat();
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...known) },
      { weight: 3, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constantFrom(...ODD_IDS, ...known.map((id) => id.toUpperCase())).map(percentEncoded) },
      { weight: 1, arbitrary: text.filter((value) => value.length > 0 && value.length < 500).map(percentEncoded) },
      { weight: 1, arbitrary: fc.constantFrom('%ZZ', '%', '..', '%2e%2e', '%00', '%2F', 'a%2Fb', '%C0%AF', '%ED%A0%80') },
    );
  }

  async function storeMark(): Promise<{ events: number; last: string | null }> {
    const { rows } = await api.database.pool.query<{ events: number; last: string | null }>('SELECT count(*)::int AS events, max(seq)::text AS last FROM event_store.events');
    return rows[0];
  }

  /** One aggregate of each kind, and a valid body per write route for the fuzzer to bend. */
  async function createAggregates(): Promise<void> {
    const created = async (url: string, body: object, id: string): Promise<string> => {
      const response = await api.post(url, body);
      if (response.statusCode >= 300) throw new Error(`setup ${url}: ${response.statusCode} ${JSON.stringify(response.body)}`);
      return response.body[id];
    };
    const openCase = { caseNumber: '24-1-15.20.00-P27', cpr: '010190-1234', legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord', openedOn: '2021-01-04' };
    const caseId = await created('/citizen-cases', openCase, 'caseId');
    const at = `/citizen-cases/${caseId}`;
    const sanction = { sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY', breachDate: '2021-03-01', period: { from: '2021-04-01', to: '2021-06-30' }, amountDeductedOre: 1_234_500, decidedOn: '2021-03-15' };
    const sanctionId = await created(`${at}/sanctions`, sanction, 'sanctionId');
    const review = { outcome: 'ERROR', errorCategories: ['MISSING_WRITTEN_GUIDANCE'], wouldChangeOnAppeal: true, reviewer: 'legal-audit-1', reviewedOn: '2023-06-01' };
    await created(`${at}/sanctions/${sanctionId}/reviews`, review, 'streamName');
    const repayment = { sanctionIds: [sanctionId], amountOre: 1_000, assessedOn: '2023-07-01' };
    const repaymentId = await created(`${at}/repayments`, repayment, 'repaymentId');
    const appeal = { sanctionIds: [sanctionId], lodgedOn: '2021-04-01' };
    const appealId = await created(`${at}/appeals`, appeal, 'appealId');
    const citizenRef: string = (await api.get(at)).body.state.citizenRef;
    const { rows } = await api.database.pool.query<{ id: string }>(`SELECT id FROM event_store.events WHERE stream_name = $1 AND type = 'SanctionImposed'`, [`citizen-case-${caseId}`]);

    const member = { name: 'Per Tærstøl', aliases: ['Per Tærsebøl'] };
    const memberId = await created('/committee-members', member, 'memberId');
    const otherMemberId = await created('/committee-members', { name: 'Signe Ejersbo' }, 'memberId');
    const item = {
      caseNumber: '24-1-15.20.00-P27',
      committee: { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget', memberCount: 7 },
      meetingDate: '2025-01-14',
      itemNumber: 2,
      title: 'Opfølgning på skærpet rådighedssanktion',
      closed: false,
    };
    const itemId = await created('/committee-items', item, 'itemId');
    const otherItemId = await created('/committee-items', { ...item, itemNumber: 3 }, 'itemId');
    const inquiry = {
      from: 'Ankestyrelsen',
      question: 'Hvor mange afgørelser var forkerte?',
      scope: { legalArea: 'AKTIVLOVEN', sanctionTypes: ['AKTL_40A_STRICTER_AVAILABILITY'], period: { from: '2020-01-01', to: '2023-07-31' } },
      deadline: '2023-09-01',
      receivedOn: '2023-06-28',
    };
    const inquiryId = await created('/inquiries', inquiry, 'inquiryId');
    const draftAnswer = { sanctionTypes: ['AKTL_40A_STRICTER_AVAILABILITY'], breachFrom: '2020-01-01', breachTo: '2023-07-31', knownOn: '2023-08-29', note: 'Til Beskæftigelsesudvalget' };
    const draftId = await created(`/inquiries/${inquiryId}/answer-drafts`, draftAnswer, 'draftId');

    Object.assign(existing, {
      caseId: [caseId],
      sanctionId: [sanctionId],
      repaymentId: [repaymentId],
      appealId: [appealId],
      memberId: [memberId, otherMemberId],
      itemId: [itemId, otherItemId],
      inquiryId: [inquiryId],
      draftId: [draftId],
      citizenRef: [citizenRef],
      name: ['citizen-cases', 'audit-trail', 'committee-minutes'],
    });
    const effectiveAt = '2023-06-28T09:00:00+02:00';
    Object.assign(templates, {
      'POST /citizen-cases': { ...openCase, effectiveAt },
      'POST /citizen-cases/:caseId/sanctions': sanction,
      'POST /citizen-cases/:caseId/discoveries': { source: 'PRACTICE_SURVEY', identifiedOn: '2023-05-10', note: 'Praksisundersøgelse 2023, række 14' },
      'POST /citizen-cases/:caseId/sanctions/:sanctionId/reviews': review,
      'POST /citizen-cases/:caseId/appeals': appeal,
      'POST /citizen-cases/:caseId/appeals/:appealId/decision': { outcome: 'OPHAEVET', decidedOn: '2021-09-01' },
      'POST /citizen-cases/:caseId/closure': { reason: 'REVIEW_COMPLETED', closedOn: '2023-08-01' },
      'POST /citizen-cases/:caseId/reopening': { reason: 'Beløbet var tastet forkert', reopenedOn: '2023-08-15' },
      'POST /citizen-cases/:caseId/corrections': {
        correctsEventId: rows[0].id,
        target: { kind: 'sanction', sanctionId, changes: { amountDeductedOre: 1_000_000, period: { from: '2021-04-01', to: '2021-05-31' } } },
        reason: 'Beløbet var tastet forkert',
      },
      'POST /citizen-cases/:caseId/repayments': repayment,
      'POST /citizen-cases/:caseId/repayments/:repaymentId/schedule': { scheduledFor: '2023-07-15' },
      'POST /citizen-cases/:caseId/repayments/:repaymentId/issue': { issuedOn: '2023-07-20', effectiveAt },
      'POST /committee-members': member,
      'POST /committee-members/:memberId/aliases': { alias: 'P. Tærstøl' },
      'POST /committee-members/:memberId/party-memberships': { party: 'A', from: '2022-01-01', to: '2025-12-31' },
      'POST /committee-items': item,
      'POST /committee-items/:itemId/recommendation': { originators: ['Jobcenter'], addressee: 'Beskæftigelsesudvalget', points: [{ number: 1, text: 'at orienteringen tiltrædes' }], kind: 'DECISION' },
      'POST /committee-items/:itemId/attendance': { entries: [{ memberId, status: 'PRESENT', absenceNotice: false }, { memberId: otherMemberId, status: 'ABSENT', absenceNotice: true, substituteMemberId: null }] },
      'POST /committee-items/:itemId/votes': { memberId, memberName: 'Per Tærsebøl', vote: 'FOR' },
      'POST /committee-items/:itemId/protocol-notes': { text: 'Ø kan ikke tiltræde indstillingen.', memberIds: [memberId] },
      'POST /committee-items/:itemId/decision': { outcome: 'APPROVED_WITH_AMENDMENTS', text: 'Godkendt med ændringer.', amendments: ['Punkt 2 udgår'] },
      'POST /committee-items/:itemId/referral-demands': { memberId },
      'POST /committee-items/:itemId/referrals': { body: 'Økonomiudvalget', date: '2025-01-28' },
      'POST /committee-items/:itemId/links': { linkedItemId: otherItemId, relation: 'CONTINUES' },
      'POST /inquiries': inquiry,
      'POST /inquiries/:inquiryId/answer-drafts': draftAnswer,
      'POST /inquiries/:inquiryId/answer': { draftId, committeeItemId: itemId, answeredOn: '2023-09-06' },
      'POST /evidence/extracts': {
        source: 'STAR/Jobindsats',
        period: { from: '2020-01-01', to: '2023-07-31' },
        receivedOn: '2023-08-07',
        citizens: [{ cpr: '010190-1234', sanctions: [{ type: 'STRICTER_AVAILABILITY', date: '2021-03-01', amountOre: 150_000 }, { type: 'ABSENCE', date: '2021-01-01' }] }],
      },
      'POST /evidence/comparators': {
        label: 'Landsgennemsnit, omgørelsesprocent, aktivloven',
        source: 'Ankestyrelsen, Ankestatistik 2023',
        receivedOn: '2024-03-01',
        legalArea: 'AKTIVLOVEN',
        period: { from: '2023-01-01', to: '2023-12-31' },
        reversalRatePct: 32.4,
      },
      'POST /citizens/:citizenRef/erase': { reason: 'Borgerens anmodning om sletning' },
    });
  }
});

/** Every byte of the text's UTF-8 form as %XX (lone surrogates become U+FFFD, as in any client). */
function percentEncoded(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

function codeOf(body: string): unknown {
  try {
    return (JSON.parse(body) as { code?: unknown }).code;
  } catch {
    return undefined;
  }
}

function shorten(value: string, length = 300): string {
  return value.length <= length ? value : `${value.slice(0, length)}… (${value.length} characters)`;
}

/** An RFC 9457 document with the status of the response and a dotted code. */
function isProblem(status: number, contentType: string, body: string): boolean {
  if (!contentType.startsWith('application/problem+json')) return false;
  try {
    const parsed = JSON.parse(body) as { status?: unknown; code?: unknown; title?: unknown };
    return parsed.status === status && typeof parsed.code === 'string' && /^[A-Z0-9_]+(\.[A-Z0-9_]+)+$/.test(parsed.code) && typeof parsed.title === 'string';
  } catch {
    return false;
  }
}
