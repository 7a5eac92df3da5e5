import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AuthenticationError, JWT_VERIFIER, bearerToken, type AuthenticatedUser, type TokenVerifier } from '@casetrail/platform';
import { ROUTE_POLICY, routeAccess, type RouteAccess, type RouteKey } from './route-policy';
import { verifyOnce } from './verify-once';

/** Nest injection token of the route table the guard enforces; {@link ROUTE_POLICY} in the app. */
export const ROUTE_POLICY_TABLE = Symbol('ROUTE_POLICY_TABLE');

interface PolicedRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly routeOptions?: { readonly method?: string | readonly string[]; readonly url?: string };
  user?: AuthenticatedUser;
}

interface ChallengeableReply {
  header(name: string, value: string): unknown;
}

/**
 * The one access check: looks the request's route up in the route table, lets public routes
 * through, authenticates everyone else by their bearer token (401), refuses a route the table has
 * no row for (403 AUTH.NO_POLICY: fail closed), then a user without one of the row's roles (403
 * AUTH.FORBIDDEN_ROLE). The user is left on `request.user` for `@CurrentUser()`.
 */
@Injectable()
export class RoutePolicyGuard implements CanActivate {
  constructor(
    @Inject(JWT_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(ROUTE_POLICY_TABLE) private readonly policy: Readonly<Record<RouteKey, RouteAccess>> = ROUTE_POLICY,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<PolicedRequest>();
    const access = routeAccess(request.routeOptions?.method, request.routeOptions?.url, this.policy);
    if (access === 'public') return true;

    const user = await this.authenticate(request, http.getResponse<ChallengeableReply>());
    if (access === undefined) {
      throw new ForbiddenException({ code: 'AUTH.NO_POLICY', detail: 'This route has no access policy, so it is refused to everyone' });
    }
    if (!user.roles.some((role) => access.includes(role))) {
      throw new ForbiddenException({ code: 'AUTH.FORBIDDEN_ROLE', detail: `This route needs one of the roles: ${access.join(', ')}` });
    }
    return true;
  }

  private async authenticate(request: PolicedRequest, reply: ChallengeableReply): Promise<AuthenticatedUser> {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      reply.header('WWW-Authenticate', 'Bearer realm="casetrail"');
      throw new UnauthorizedException({ code: 'AUTH.MISSING_TOKEN', detail: 'An Authorization: Bearer token is required' });
    }
    try {
      request.user = await verifyOnce(request, token, this.verifier);
      return request.user;
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      reply.header('WWW-Authenticate', 'Bearer realm="casetrail", error="invalid_token"');
      throw new UnauthorizedException({ code: error.code, detail: error.message });
    }
  }
}
