import { randomBytes } from 'node:crypto';
import { ROLES, mintDevToken, type Role } from '@casetrail/platform';
import { registeredRoutes, type RegisteredRoute } from '../apps/api/src/security/registered-routes';
import { ROUTE_POLICY, routeAccess } from '../apps/api/src/security/route-policy';
import { startTestApi, type TestApi } from './support/api-test-app';

/** An id no aggregate has: routes answer 404 or 400 to it, which is "let through" here. */
const UNKNOWN_ID = '0190c7a2-0000-7000-8000-0000000000aa';

type Caller = { readonly name: string; readonly authorization?: string; readonly role?: Role };

describe('the route policy, walked over every route the running app registers', () => {
  let api: TestApi;
  let routes: readonly RegisteredRoute[];
  let callers: Caller[];

  beforeAll(async () => {
    api = await startTestApi();
    routes = await registeredRoutes(api.app);
    const forged = await mintDevToken({ subject: 'mallory', roles: ['admin'], secret: randomBytes(32), issuer: 'casetrail-test', audience: 'casetrail-api' });
    callers = [
      { name: 'no token' },
      { name: 'a token signed by another key', authorization: `Bearer ${forged}` },
      ...(await Promise.all(ROLES.map(async (role) => ({ name: role, role, authorization: `Bearer ${await api.token([role])}` })))),
    ];
  });
  afterAll(async () => {
    await api.close();
  });

  it('sees the routes of every controller, the docs and the CORS preflight', () => {
    const keys = routes.map(keyOf);
    expect(keys).toEqual(expect.arrayContaining(['GET /health', 'POST /citizen-cases', 'GET /committee-items/:itemId', 'GET /docs-json', 'GET /docs/*', 'OPTIONS *']));
    expect(routes.some((route) => route.method === 'HEAD')).toBe(true);
  });

  it('has a row for every registered route (HEAD takes its GET row)', () => {
    const unpoliced = routes.filter((route) => routeAccess(route.method, route.url) === undefined).map(keyOf);
    expect([...new Set(unpoliced)]).toEqual([]);
  });

  it('has no row for a route that does not exist', () => {
    const registered = new Set(routes.filter((route) => route.method !== 'HEAD').map(keyOf));
    expect(Object.keys(ROUTE_POLICY).filter((key) => !registered.has(key))).toEqual([]);
  });

  it('answers 401 without a valid token, 403 to a role not in the row, and lets the row through', async () => {
    const wrong: string[] = [];
    let requests = 0;
    for (const route of routes) {
      const access = routeAccess(route.method, route.url);
      for (const caller of callers) {
        const response = await api.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          headers: { ...(caller.authorization ? { authorization: caller.authorization } : {}), ...(route.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
          ...(route.method === 'POST' ? { payload: '{}' } : {}),
        });
        requests += 1;
        const code = route.method === 'HEAD' ? undefined : codeOf(response.body);
        const expected =
          access === undefined
            ? { refused: 'no row in ROUTE_POLICY' }
            : access === 'public'
              ? 'through'
              : caller.role === undefined
                ? { status: 401, code: caller.authorization ? 'AUTH.INVALID_TOKEN' : 'AUTH.MISSING_TOKEN' }
                : access.includes(caller.role)
                  ? 'through'
                  : { status: 403, code: 'AUTH.FORBIDDEN_ROLE' };
        const actual =
          response.statusCode !== 401 && response.statusCode !== 403
            ? 'through'
            : { status: response.statusCode, ...(route.method === 'HEAD' ? {} : { code }) };
        const matches =
          expected === 'through'
            ? actual === 'through'
            : 'status' in expected && actual !== 'through' && actual.status === expected.status && (route.method === 'HEAD' || actual.code === expected.code);
        if (!matches) wrong.push(`${keyOf(route)} as ${caller.name}: expected ${JSON.stringify(expected)}, got ${response.statusCode} ${code ?? ''}`);
        if (actual !== 'through' && route.method !== 'HEAD') {
          if (!String(response.headers['content-type']).startsWith('application/problem+json')) wrong.push(`${keyOf(route)} as ${caller.name}: refusal is not a problem document`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(requests).toBe(routes.length * callers.length);
  });
});

function keyOf(route: RegisteredRoute): string {
  return `${route.method === 'HEAD' ? 'GET' : route.method} ${route.url}`;
}

/** The route's path with every parameter an unknown id and a wildcard some name. */
function concreteUrl(pattern: string): string {
  return pattern.replace(/:[A-Za-z0-9_]+/g, UNKNOWN_ID).replace(/\*/g, 'x');
}

function codeOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { code?: string }).code;
  } catch {
    return undefined;
  }
}
