import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError, JWT_VERIFIER } from './jwt-verifier';
import { PUBLIC_METADATA, ROLES_METADATA } from './roles.decorator';
import type { AuthenticatedUser, Role } from './roles';

/** What the guard needs of a verifier; {@link JwtVerifier} is the implementation. */
export interface TokenVerifier {
  verify(token: string): Promise<AuthenticatedUser>;
}

interface GuardedRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  user?: AuthenticatedUser;
}

interface ChallengeableReply {
  header(name: string, value: string): unknown;
}

/**
 * Authenticates every request by its `Authorization: Bearer` token, except on `@Public()` routes,
 * and enforces `@Roles(...)`. Routes without `@Roles` are open to any authenticated user. The
 * user is left on `request.user` for `@CurrentUser()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(JWT_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_METADATA, targets) === true) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<GuardedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      http.getResponse<ChallengeableReply>().header('WWW-Authenticate', 'Bearer realm="casetrail"');
      throw new UnauthorizedException({ code: 'AUTH.MISSING_TOKEN', detail: 'An Authorization: Bearer token is required' });
    }
    try {
      request.user = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      http.getResponse<ChallengeableReply>().header('WWW-Authenticate', 'Bearer realm="casetrail", error="invalid_token"');
      throw new UnauthorizedException({ code: error.code, detail: error.message });
    }

    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_METADATA, targets);
    if (allowed !== undefined && !request.user.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException({ code: 'AUTH.FORBIDDEN_ROLE', detail: `This route needs one of the roles: ${allowed.join(', ')}` });
    }
    return true;
  }
}

/** The token of a `Bearer` authorization header (scheme case-insensitive), or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match?.[1];
}
