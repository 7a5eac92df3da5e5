import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from './roles';

/** The user the API's guard established; refuses with 401 when the route had none (a public route). */
export function currentUserOf(context: ExecutionContext): AuthenticatedUser {
  const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
  if (user === undefined) {
    throw new UnauthorizedException({ code: 'AUTH.MISSING_TOKEN', detail: 'This route needs an authenticated user' });
  }
  return user;
}

/** Parameter decorator giving a handler the {@link AuthenticatedUser} of the request. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => currentUserOf(context));
