import { createPublicKey, type KeyObject } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { isRole, type AuthenticatedUser, type Role } from './roles';

/** Signature algorithms a verifier may be pinned to. */
export type JwtAlgorithm = 'HS256' | 'RS256' | 'ES256' | 'EdDSA';

/** Nest injection token of the {@link JwtVerifier} the API's guard authenticates with. */
export const JWT_VERIFIER = Symbol('JWT_VERIFIER');

export interface JwtVerifierOptions {
  /** Required `iss`. */
  readonly issuer: string;
  /** Required `aud` (one of the token's audiences). */
  readonly audience: string;
  /** The only algorithm accepted; a token signed otherwise (or `none`) is refused. */
  readonly algorithm: JwtAlgorithm;
  /** HS256 only: the shared secret, at least 32 bytes. */
  readonly secret?: Buffer;
  /** RS256, ES256, EdDSA: the issuer's public key as SPKI PEM. */
  readonly publicKeyPem?: string;
}

export type AuthenticationErrorCode = 'AUTH.MISSING_TOKEN' | 'AUTH.INVALID_TOKEN';

/**
 * A request could not be authenticated. The message says why in general terms and never contains
 * the token or its claims.
 */
export class AuthenticationError extends Error {
  constructor(
    readonly code: AuthenticationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** Seconds of clock difference tolerated between the issuer and this host for `exp` and `nbf`. */
export const CLOCK_TOLERANCE_SECONDS = 30;

const MIN_SECRET_BYTES = 32;

/**
 * Verifies bearer tokens (JWS compact JWTs) and turns them into an {@link AuthenticatedUser}: the
 * algorithm is pinned, `iss`, `aud`, `exp` (required) and `nbf` are checked, `sub` is required and
 * `roles` must name at least one known role.
 */
export class JwtVerifier {
  private readonly key: Uint8Array | KeyObject;

  constructor(private readonly options: JwtVerifierOptions) {
    if (!options.issuer || !options.audience) throw new Error('JWT verifier: issuer and audience are required');
    this.key = verificationKey(options);
  }

  /** The user a token stands for; throws {@link AuthenticationError} `AUTH.INVALID_TOKEN` otherwise. */
  async verify(token: string): Promise<AuthenticatedUser> {
    if (typeof token !== 'string' || token.length === 0) {
      throw new AuthenticationError('AUTH.MISSING_TOKEN', 'No bearer token was presented');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [this.options.algorithm],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new AuthenticationError('AUTH.INVALID_TOKEN', `The bearer token is not valid: ${reasonOf(error)}`);
    }
    return userFromClaims(payload);
  }
}

/** Decodes a base64 HS256 secret and checks it is long enough; the message never contains the value. */
export function parseJwtSecret(base64: string): Buffer {
  const trimmed = base64.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) {
    throw new Error('The JWT secret must be base64');
  }
  const secret = Buffer.from(trimmed, 'base64');
  if (secret.length < MIN_SECRET_BYTES) {
    throw new Error(`The JWT secret must be at least ${MIN_SECRET_BYTES} bytes (got ${secret.length})`);
  }
  return secret;
}

function verificationKey(options: JwtVerifierOptions): Uint8Array | KeyObject {
  const { algorithm, secret, publicKeyPem } = options;
  if (algorithm === 'HS256') {
    if (publicKeyPem !== undefined) throw new Error('JWT verifier: HS256 takes a secret, not a public key');
    if (secret === undefined || secret.length < MIN_SECRET_BYTES) {
      throw new Error(`JWT verifier: HS256 needs a secret of at least ${MIN_SECRET_BYTES} bytes`);
    }
    // A copy, so that a caller zeroing or reusing its buffer cannot change the key.
    return Uint8Array.from(secret);
  }
  if (secret !== undefined) throw new Error(`JWT verifier: ${algorithm} takes a public key, not a secret`);
  if (publicKeyPem === undefined) throw new Error(`JWT verifier: ${algorithm} needs publicKeyPem`);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: publicKeyPem, format: 'pem' });
  } catch {
    throw new Error('JWT verifier: publicKeyPem is not a PEM public key');
  }
  const expected = { RS256: 'rsa', ES256: 'ec', EdDSA: 'ed25519' }[algorithm];
  if (key.asymmetricKeyType !== expected) {
    throw new Error(`JWT verifier: ${algorithm} needs an ${expected} key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  if (algorithm === 'ES256' && key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('JWT verifier: ES256 needs a P-256 key');
  }
  return key;
}

function userFromClaims(payload: JWTPayload): AuthenticatedUser {
  const invalid = (why: string) => new AuthenticationError('AUTH.INVALID_TOKEN', `The bearer token is not valid: ${why}`);
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw invalid('"sub" is missing');
  const claimed = payload.roles;
  if (!Array.isArray(claimed)) throw invalid('"roles" is missing or not a list');
  const roles: Role[] = [...new Set(claimed.filter(isRole))];
  if (roles.length === 0) throw invalid('"roles" names no known role');
  const name = typeof payload.name === 'string' && payload.name !== '' ? payload.name : undefined;
  return name === undefined ? { subject: payload.sub, roles } : { subject: payload.sub, roles, name };
}

// jose's messages are safe today, but the wording here is ours so that it cannot start quoting input.
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim "${error.claim}" failed its check (${error.reason})`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'its algorithm is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'it is malformed';
  if (error instanceof errors.JOSENotSupported) return 'it uses an unsupported feature';
  return 'it could not be verified';
}
