import type { JwtVerifierOptions } from '../auth/jwt-verifier';
import { readOrCreateDevSecrets } from '../auth/dev-secrets';
import type { AppConfig } from './app-config';

/** Keys the running app needs, from configuration or, outside production, the development file. */
export interface ResolvedSecrets {
  readonly jwt: JwtVerifierOptions;
  readonly vaultMasterKeyBase64: string;
  readonly vaultLookupKeyBase64: string;
  /** Which came from `${DATA_DIR}/dev-secrets.json`; production never gets here (loadConfig refuses). */
  readonly development: readonly ('jwt' | 'vault')[];
}

export async function resolveSecrets(config: AppConfig): Promise<ResolvedSecrets> {
  const { auth, vault } = config;
  const needsDev = (!auth.secretBase64 && !auth.publicKeyPem) || !vault.masterKeyBase64 || !vault.lookupKeyBase64;
  // loadConfig refuses this already; a second check, because the cost of missing it is production data under known keys.
  if (needsDev && config.nodeEnv === 'production') {
    throw new Error('production refuses development keys: set AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY, VAULT_MASTER_KEY and VAULT_LOOKUP_KEY');
  }
  const dev = needsDev ? await readOrCreateDevSecrets(config.dataDir) : undefined;
  const development: ('jwt' | 'vault')[] = [];
  let jwt: JwtVerifierOptions;
  if (auth.publicKeyPem) {
    jwt = { issuer: auth.issuer, audience: auth.audience, algorithm: auth.algorithm, publicKeyPem: auth.publicKeyPem };
  } else {
    if (!auth.secretBase64) development.push('jwt');
    const secret = Buffer.from(auth.secretBase64 ?? (dev as { jwtSecret: string }).jwtSecret, 'base64');
    jwt = { issuer: auth.issuer, audience: auth.audience, algorithm: 'HS256', secret };
  }
  if (!vault.masterKeyBase64 || !vault.lookupKeyBase64) development.push('vault');
  return {
    jwt,
    vaultMasterKeyBase64: vault.masterKeyBase64 ?? (dev as { vaultMasterKey: string }).vaultMasterKey,
    vaultLookupKeyBase64: vault.lookupKeyBase64 ?? (dev as { vaultLookupKey: string }).vaultLookupKey,
    development,
  };
}
