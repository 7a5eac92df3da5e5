import { ForbiddenException, HttpException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard, bearerToken, type TokenVerifier } from './auth.guard';
import { currentUserOf } from './current-user.decorator';
import { AuthenticationError } from './jwt-verifier';
import { Public, Roles } from './roles.decorator';
import type { AuthenticatedUser } from './roles';

class CasesController {
  open(): void {}
  @Roles('caseworker', 'admin')
  decide(): void {}
  @Public()
  health(): void {}
}

@Roles('admin')
class AdminController {
  settings(): void {}
  @Roles('auditor')
  auditLog(): void {}
}

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

function contextFor(controller: new () => object, method: string, authorization?: string) {
  const request: { headers: Record<string, string | undefined>; user?: AuthenticatedUser } = { headers: { authorization } };
  const replyHeaders: Record<string, string> = {};
  const reply = { header: (name: string, value: string) => (replyHeaders[name] = value) };
  const context = {
    getHandler: () => (controller.prototype as Record<string, unknown>)[method],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { context, request, replyHeaders };
}

const guard = new AuthGuard(verifier, new Reflector());

async function refusal(context: ExecutionContext): Promise<{ status: number; body: unknown; error: HttpException }> {
  const error = await guard.canActivate(context).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(HttpException);
  const http = error as HttpException;
  return { status: http.getStatus(), body: http.getResponse(), error: http };
}

describe('AuthGuard', () => {
  it('lets a @Public() route through without a token', async () => {
    await expect(guard.canActivate(contextFor(CasesController, 'health').context)).resolves.toBe(true);
  });

  it('answers 401 AUTH.MISSING_TOKEN with a Bearer challenge when no bearer token is sent', async () => {
    for (const header of [undefined, 'Basic YWxpY2U6cHc=', 'Bearer ', 'token-caseworker']) {
      const { context, replyHeaders } = contextFor(CasesController, 'open', header);
      expect(await refusal(context)).toMatchObject({ status: 401, body: { code: 'AUTH.MISSING_TOKEN', detail: expect.any(String) } });
      expect(replyHeaders['WWW-Authenticate']).toBe('Bearer realm="casetrail"');
    }
  });

  it('answers 401 AUTH.INVALID_TOKEN when the verifier refuses the token', async () => {
    const { context, request, replyHeaders } = contextFor(CasesController, 'open', 'Bearer forged');
    expect(await refusal(context)).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN', detail: expect.stringContaining('signature') } });
    expect(replyHeaders['WWW-Authenticate']).toContain('error="invalid_token"');
    expect(request.user).toBeUndefined();
  });

  it('lets any authenticated user through a route without @Roles and leaves the user on the request', async () => {
    const { context, request } = contextFor(CasesController, 'open', 'bearer token-auditor');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.user).toEqual(users['token-auditor']);
    expect(currentUserOf(context)).toEqual(users['token-auditor']);
  });

  it('enforces @Roles: 403 AUTH.FORBIDDEN_ROLE without one of them', async () => {
    await expect(guard.canActivate(contextFor(CasesController, 'decide', 'Bearer token-caseworker').context)).resolves.toBe(true);
    const { status, body, error } = await refusal(contextFor(CasesController, 'decide', 'Bearer token-auditor').context);
    expect(error).toBeInstanceOf(ForbiddenException);
    expect(status).toBe(403);
    expect(body).toEqual({ code: 'AUTH.FORBIDDEN_ROLE', detail: expect.stringContaining('caseworker, admin') });
  });

  it('applies a controller @Roles to its methods, a method @Roles replacing it', async () => {
    expect((await refusal(contextFor(AdminController, 'settings', 'Bearer token-caseworker').context)).status).toBe(403);
    await expect(guard.canActivate(contextFor(AdminController, 'auditLog', 'Bearer token-auditor').context)).resolves.toBe(true);
  });

  it('does not turn an unexpected verifier failure into a 401', async () => {
    const broken = new AuthGuard({ verify: () => Promise.reject(new Error('key store down')) }, new Reflector());
    await expect(broken.canActivate(contextFor(CasesController, 'open', 'Bearer x').context)).rejects.toThrow('key store down');
  });
});

describe('currentUserOf', () => {
  it('refuses with 401 on a request no user was established for', () => {
    expect(() => currentUserOf(contextFor(CasesController, 'health').context)).toThrow(UnauthorizedException);
  });
});

describe('bearerToken', () => {
  it('takes the token of a Bearer header, whatever the scheme case', () => {
    expect(bearerToken('Bearer a.b.c')).toBe('a.b.c');
    expect(bearerToken('BEARER a.b-_c')).toBe('a.b-_c');
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(['Bearer a.b.c'])).toBeUndefined();
  });
});
