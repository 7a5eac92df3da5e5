import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from './app-config';
import { resolveSecrets } from './secrets';

const KEY = Buffer.alloc(32, 1).toString('base64');
const KEY2 = Buffer.alloc(32, 2).toString('base64');

describe('resolveSecrets', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'casetrail-secrets-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('takes every key from the configuration when it has them, and writes no development file', async () => {
    const secrets = await resolveSecrets(loadConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: KEY, VAULT_MASTER_KEY: KEY, VAULT_LOOKUP_KEY: KEY2 }));
    expect(secrets).toMatchObject({ vaultMasterKeyBase64: KEY, vaultLookupKeyBase64: KEY2, development: [] });
    expect(secrets.jwt).toMatchObject({ algorithm: 'HS256', secret: Buffer.from(KEY, 'base64') });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('falls back to development keys outside production, and says so', async () => {
    const secrets = await resolveSecrets(loadConfig({ DATA_DIR: dataDir }));
    expect(secrets.development).toEqual(['jwt', 'vault']);
  });

  it('refuses development keys in production even if a configuration got past loadConfig', async () => {
    const production: AppConfig = { ...loadConfig({ DATA_DIR: dataDir }), nodeEnv: 'production' };
    await expect(resolveSecrets(production)).rejects.toThrow(/production/);
    await expect(resolveSecrets({ ...production, auth: { ...production.auth, secretBase64: KEY } })).rejects.toThrow(/VAULT_MASTER_KEY/);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
