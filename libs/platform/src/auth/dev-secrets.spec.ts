import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_SECRETS_FILE, readOrCreateDevSecrets } from './dev-secrets';

describe('readOrCreateDevSecrets', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casetrail-dev-secrets-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates the file with three distinct 32-byte base64 keys, readable by the owner only', async () => {
    const secrets = await readOrCreateDevSecrets(join(dir, 'nested'));
    for (const value of Object.values(secrets)) expect(Buffer.from(value, 'base64')).toHaveLength(32);
    expect(new Set(Object.values(secrets)).size).toBe(3);
    expect((await stat(join(dir, 'nested', DEV_SECRETS_FILE))).mode & 0o777).toBe(0o600);
  });

  it('returns the same secrets on every later call, also to callers racing to create them', async () => {
    const racing = await Promise.all(Array.from({ length: 8 }, () => readOrCreateDevSecrets(dir)));
    for (const secrets of racing) expect(secrets).toEqual(racing[0]);
    await expect(readOrCreateDevSecrets(dir)).resolves.toEqual(racing[0]);
    expect(JSON.parse(await readFile(join(dir, DEV_SECRETS_FILE), 'utf8'))).toEqual(racing[0]);
  });

  it('refuses a damaged file rather than replacing the keys it holds', async () => {
    const file = join(dir, DEV_SECRETS_FILE);
    await writeFile(file, '{"jwtSecret":"abc"}');
    await expect(readOrCreateDevSecrets(dir)).rejects.toThrow('lacks vaultMasterKey, vaultLookupKey');
    await writeFile(file, 'not json');
    await expect(readOrCreateDevSecrets(dir)).rejects.toThrow('is not JSON');
    expect(await readFile(file, 'utf8')).toBe('not json');
  });
});
