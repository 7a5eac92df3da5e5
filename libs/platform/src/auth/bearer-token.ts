import type { AuthenticatedUser } from './roles';

/** What a guard needs of a verifier; {@link JwtVerifier} is the implementation. */
export interface TokenVerifier {
  verify(token: string): Promise<AuthenticatedUser>;
}

/** The token of a `Bearer` authorization header (scheme case-insensitive), or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match?.[1];
}
