import type { AuthenticatedUser, TokenVerifier } from '@casetrail/platform';

const verified = new WeakMap<object, { readonly token: string; readonly user: Promise<AuthenticatedUser> }>();

/**
 * Verifies a request's bearer token once: the rate limiter (which keys by user) and the route
 * guard both need the verified user, and a signature check is the dearest step of a command.
 */
export function verifyOnce(request: object, token: string, verifier: TokenVerifier): Promise<AuthenticatedUser> {
  const seen = verified.get(request);
  if (seen?.token === token) return seen.user;
  const user = verifier.verify(token);
  user.catch(() => undefined); // each caller handles the refusal itself
  verified.set(request, { token, user });
  return user;
}
