import { ForbiddenException, HttpException, type ExecutionContext } from '@nestjs/common';
import { AuthenticationError, currentUserOf, type AuthenticatedUser, type TokenVerifier } from '@casetrail/platform';
import type { RouteAccess, RouteKey } from './route-policy';
import { RoutePolicyGuard } from './route-policy.guard';

const POLICY: Readonly<Record<RouteKey, RouteAccess>> = {
  'GET /health': 'public',
  'POST /cases': ['caseworker', 'admin'],
  'GET /cases/:caseId': ['caseworker', 'auditor'],
};

const users: Record<string, AuthenticatedUser> = {
  'token-caseworker': { subject: 'alice', roles: ['caseworker'] },
  'token-auditor': { subject: 'carl', roles: ['auditor'] },
};

const verifier: TokenVerifier = {
  verify: async (token) => {
    const user = users[token];
    if (!user) throw new AuthenticationError('AUTH.INVALID_TOKEN', 'The bearer token is not valid: its signature does not verify');
    return user;
  },
};

function contextFor(method: string, url: string | undefined, authorization?: string) {
  const request: { headers: Record<string, string | undefined>; routeOptions: { method: string; url?: string }; user?: AuthenticatedUser } = {
    headers: { authorization },
    routeOptions: { method, url },
  };
  const replyHeaders: Record<string, string> = {};
  const reply = { header: (name: string, value: string) => (replyHeaders[name] = value) };
  const context = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ExecutionContext;
  return { context, request, replyHeaders };
}

const guard = new RoutePolicyGuard(verifier, POLICY);

async function refusal(context: ExecutionContext): Promise<{ status: number; body: unknown; error: HttpException }> {
  const error = await guard.canActivate(context).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(HttpException);
  const http = error as HttpException;
  return { status: http.getStatus(), body: http.getResponse(), error: http };
}

describe('RoutePolicyGuard', () => {
  it('lets a public route through without a token', async () => {
    await expect(guard.canActivate(contextFor('GET', '/health').context)).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('HEAD', '/health').context)).resolves.toBe(true);
  });

  it('answers 401 AUTH.MISSING_TOKEN with a Bearer challenge when no bearer token is sent', async () => {
    for (const header of [undefined, 'Basic YWxpY2U6cHc=', 'Bearer ', 'token-caseworker']) {
      const { context, replyHeaders } = contextFor('POST', '/cases', header);
      expect(await refusal(context)).toMatchObject({ status: 401, body: { code: 'AUTH.MISSING_TOKEN', detail: expect.any(String) } });
      expect(replyHeaders['WWW-Authenticate']).toBe('Bearer realm="casetrail"');
    }
  });

  it('answers 401 AUTH.INVALID_TOKEN when the verifier refuses the token', async () => {
    const { context, request, replyHeaders } = contextFor('POST', '/cases', 'Bearer forged');
    expect(await refusal(context)).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN', detail: expect.stringContaining('signature') } });
    expect(replyHeaders['WWW-Authenticate']).toContain('error="invalid_token"');
    expect(request.user).toBeUndefined();
  });

  it("lets a role of the route's row through and leaves the user on the request", async () => {
    const { context, request } = contextFor('POST', '/cases', 'bearer token-caseworker');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.user).toEqual(users['token-caseworker']);
    expect(currentUserOf(context)).toEqual(users['token-caseworker']);
  });

  it('answers 403 AUTH.FORBIDDEN_ROLE to a role not in the row, naming the roles that are', async () => {
    const { status, body, error } = await refusal(contextFor('POST', '/cases', 'Bearer token-auditor').context);
    expect(error).toBeInstanceOf(ForbiddenException);
    expect(status).toBe(403);
    expect(body).toEqual({ code: 'AUTH.FORBIDDEN_ROLE', detail: expect.stringContaining('caseworker, admin') });
  });

  it('gives HEAD the GET row', async () => {
    await expect(guard.canActivate(contextFor('HEAD', '/cases/:caseId', 'Bearer token-auditor').context)).resolves.toBe(true);
  });

  it('fails closed: a route without a row is refused with 403 AUTH.NO_POLICY, also to an authenticated user', async () => {
    for (const [method, url] of [['GET', '/cases'], ['DELETE', '/cases/:caseId'], ['GET', undefined]] as const) {
      expect(await refusal(contextFor(method, url, 'Bearer token-caseworker').context)).toMatchObject({ status: 403, body: { code: 'AUTH.NO_POLICY' } });
    }
    expect((await refusal(contextFor('GET', '/cases', undefined).context)).status).toBe(401);
  });

  it('does not turn an unexpected verifier failure into a 401', async () => {
    const broken = new RoutePolicyGuard({ verify: () => Promise.reject(new Error('key store down')) }, POLICY);
    await expect(broken.canActivate(contextFor('POST', '/cases', 'Bearer x').context)).rejects.toThrow('key store down');
  });
});
