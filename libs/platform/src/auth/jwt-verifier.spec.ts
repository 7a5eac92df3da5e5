import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { mintDevToken } from './dev-token';
import { AuthenticationError, JwtVerifier, parseJwtSecret, type JwtVerifierOptions } from './jwt-verifier';

const secret = randomBytes(32);
const issuer = 'https://idp.example.dk';
const audience = 'casetrail-api';
const hs256 = new JwtVerifier({ issuer, audience, secret, algorithm: 'HS256' });
const now = () => Math.floor(Date.now() / 1000);

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { sub: 'alice', roles: ['caseworker'], iss: issuer, aud: audience, iat: now(), exp: now() + 600, ...overrides };
}

function sign(payload: Record<string, unknown>, key: Uint8Array | KeyObject = secret, alg = 'HS256'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

function without(payload: Record<string, unknown>, name: string): Record<string, unknown> {
  const { [name]: _dropped, ...rest } = payload;
  return rest;
}

async function refusal(verifier: JwtVerifier, token: string): Promise<AuthenticationError> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  const authError = error as AuthenticationError;
  for (const part of [token, ...token.split('.')].filter((p) => p.length > 8)) expect(authError.message).not.toContain(part);
  return authError;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('JwtVerifier', () => {
  it('accepts a valid token and keeps only known roles, once each', async () => {
    const token = await sign(claims({ roles: ['caseworker', 'wizard', 'admin', 'caseworker'], name: 'Alice Andersen' }));
    await expect(hs256.verify(token)).resolves.toEqual({ subject: 'alice', roles: ['caseworker', 'admin'], name: 'Alice Andersen' });
  });

  it('accepts what mintDevToken signs', async () => {
    const verifier = new JwtVerifier({ issuer: 'casetrail-dev', audience: 'casetrail-api', secret, algorithm: 'HS256' });
    const token = await mintDevToken({ subject: 'bob', roles: ['auditor'], secret, expiresIn: '5m' });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'bob', roles: ['auditor'] });
  });

  it.each([
    ['a wrong issuer', { iss: 'https://elsewhere.example' }, 'iss'],
    ['a wrong audience', { aud: 'another-api' }, 'aud'],
    ['an expiry beyond the 30 s tolerance', { iat: now() - 600, exp: now() - 31 }, 'expired'],
    ['a not-before beyond the 30 s tolerance', { nbf: now() + 60 }, 'nbf'],
  ])('refuses %s', async (_case, overrides, reason) => {
    const error = await refusal(hs256, await sign(claims(overrides)));
    expect(error.code).toBe('AUTH.INVALID_TOKEN');
    expect(error.message).toContain(reason);
  });

  it('tolerates 30 seconds of clock difference', async () => {
    await expect(hs256.verify(await sign(claims({ exp: now() - 20, nbf: now() + 20 })))).resolves.toMatchObject({ subject: 'alice' });
  });

  it('refuses a token without expiry', async () => {
    expect((await refusal(hs256, await sign(without(claims(), 'exp')))).message).toContain('"exp"');
  });

  it('refuses a token without sub, or with an empty one', async () => {
    expect((await refusal(hs256, await sign(without(claims(), 'sub')))).message).toContain('"sub"');
    expect((await refusal(hs256, await sign(claims({ sub: ' ' })))).message).toContain('"sub"');
  });

  it('refuses a token without roles, with roles not a list, or naming no known role', async () => {
    expect((await refusal(hs256, await sign(without(claims(), 'roles')))).message).toContain('"roles"');
    expect((await refusal(hs256, await sign(claims({ roles: 'caseworker' })))).message).toContain('"roles"');
    expect((await refusal(hs256, await sign(claims({ roles: [] })))).message).toContain('"roles"');
    expect((await refusal(hs256, await sign(claims({ roles: ['wizard', 42] })))).message).toContain('known role');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.`;
    expect((await refusal(hs256, token)).code).toBe('AUTH.INVALID_TOKEN');
  });

  it('refuses another algorithm even with the right key (HS512 where HS256 is pinned)', async () => {
    expect((await refusal(hs256, await sign(claims(), secret, 'HS512'))).message).toContain('algorithm');
  });

  it('refuses a tampered signature and a tampered payload', async () => {
    const token = await sign(claims());
    const [header, payload, signature] = token.split('.');
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect((await refusal(hs256, `${header}.${payload}.${flipped}`)).message).toContain('signature');
    const elevated = b64url({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['admin'] });
    expect((await refusal(hs256, `${header}.${elevated}.${signature}`)).message).toContain('signature');
  });

  it('refuses a token signed with another secret, and garbage', async () => {
    await refusal(hs256, await sign(claims(), randomBytes(32)));
    expect((await refusal(hs256, 'not-a-jwt')).message).toContain('malformed');
  });

  it('reports an empty token as missing', async () => {
    expect((await refusal(hs256, '')).code).toBe('AUTH.MISSING_TOKEN');
  });

  describe('with a public key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const rs256 = new JwtVerifier({ issuer, audience, publicKeyPem: rsaPem, algorithm: 'RS256' });

    it('accepts RS256, ES256 and EdDSA tokens signed by the matching private key', async () => {
      await expect(rs256.verify(await sign(claims(), rsa.privateKey, 'RS256'))).resolves.toMatchObject({ subject: 'alice' });
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const es256 = new JwtVerifier({ issuer, audience, publicKeyPem: ec.publicKey.export({ type: 'spki', format: 'pem' }).toString(), algorithm: 'ES256' });
      await expect(es256.verify(await sign(claims(), ec.privateKey, 'ES256'))).resolves.toMatchObject({ subject: 'alice' });
      const ed = generateKeyPairSync('ed25519');
      const eddsa = new JwtVerifier({ issuer, audience, publicKeyPem: ed.publicKey.export({ type: 'spki', format: 'pem' }).toString(), algorithm: 'EdDSA' });
      await expect(eddsa.verify(await sign(claims(), ed.privateKey, 'EdDSA'))).resolves.toMatchObject({ subject: 'alice' });
    });

    it('refuses an HS256 token, also one keyed with the public key text (algorithm confusion)', async () => {
      await refusal(rs256, await sign(claims()));
      expect((await refusal(rs256, await sign(claims(), Buffer.from(rsaPem), 'HS256'))).message).toContain('algorithm');
    });

    it('refuses a token signed by another RSA key', async () => {
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
      expect((await refusal(rs256, await sign(claims(), other.privateKey, 'RS256'))).message).toContain('signature');
    });
  });

  it.each<[string, JwtVerifierOptions]>([
    ['a short HS256 secret', { issuer, audience, algorithm: 'HS256', secret: randomBytes(16) }],
    ['HS256 without a secret', { issuer, audience, algorithm: 'HS256' }],
    ['RS256 without a key', { issuer, audience, algorithm: 'RS256' }],
    ['RS256 with a secret', { issuer, audience, algorithm: 'RS256', secret }],
    ['RS256 with an EC key', { issuer, audience, algorithm: 'RS256', publicKeyPem: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString() }],
    ['ES256 with a P-384 key', { issuer, audience, algorithm: 'ES256', publicKeyPem: generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }).toString() }],
    ['a PEM that is not a key', { issuer, audience, algorithm: 'EdDSA', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----' }],
    ['no issuer', { issuer: '', audience, algorithm: 'HS256', secret }],
  ])('will not be built with %s', (_case, options) => {
    expect(() => new JwtVerifier(options)).toThrow(/JWT verifier/);
  });
});

describe('parseJwtSecret', () => {
  it('decodes a base64 secret of at least 32 bytes', () => {
    const value = randomBytes(48);
    expect(parseJwtSecret(` ${value.toString('base64')}\n`).equals(value)).toBe(true);
  });

  it('refuses short secrets and non-base64 text without echoing it', () => {
    expect(() => parseJwtSecret(randomBytes(31).toString('base64'))).toThrow('at least 32 bytes (got 31)');
    expect(() => parseJwtSecret('this is not base64 at all!!')).toThrow(/^The JWT secret must be base64$/);
  });
});
