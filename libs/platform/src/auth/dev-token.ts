import { SignJWT } from 'jose';
import type { Role } from './roles';

/** Issuer of development tokens and of the default verifier configuration. */
export const DEV_TOKEN_ISSUER = 'casetrail-dev';
/** Audience of development tokens and of the default verifier configuration. */
export const DEV_TOKEN_AUDIENCE = 'casetrail-api';

export interface DevTokenRequest {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly name?: string;
  /** The HS256 secret the API verifies with. */
  readonly secret: Buffer;
  readonly issuer?: string;
  readonly audience?: string;
  /** A jose time span such as `'8h'` or `'30m'`, or seconds; default `'8h'`. */
  readonly expiresIn?: string | number;
}

/**
 * Signs an HS256 token for development and tests, shaped like the identity provider's: `sub`,
 * `roles`, optional `name`, `iss`, `aud`, `iat`, `exp`. Not for production use.
 */
export function mintDevToken(request: DevTokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { roles: [...request.roles] };
  if (request.name !== undefined) claims.name = request.name;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(request.issuer ?? DEV_TOKEN_ISSUER)
    .setAudience(request.audience ?? DEV_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiry(request.expiresIn ?? '8h'))
    .sign(request.secret);
}

// jose reads a bare number as an absolute timestamp; a number here means seconds from now.
function expiry(expiresIn: string | number): string | number {
  return typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn;
}
