import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The development secrets, each base64 as in the environment variables they stand in for. */
export interface DevSecrets {
  /** HS256 secret of development tokens, 32 bytes. */
  readonly jwtSecret: string;
  /** Personal-data vault master key, 32 bytes. */
  readonly vaultMasterKey: string;
  /** Personal-data vault lookup (HMAC) key, 32 bytes. */
  readonly vaultLookupKey: string;
}

export const DEV_SECRETS_FILE = 'dev-secrets.json';

const FIELDS = ['jwtSecret', 'vaultMasterKey', 'vaultLookupKey'] as const;

/**
 * Reads `${dir}/dev-secrets.json`, or creates it (mode 0600) with fresh random keys, so that a
 * fresh checkout runs without configuration. An existing file is never rewritten: replacing the
 * vault keys would make every stored personal field unreadable. Development only.
 */
export async function readOrCreateDevSecrets(dir: string): Promise<DevSecrets> {
  const file = join(dir, DEV_SECRETS_FILE);
  const existing = await readIfPresent(file);
  if (existing !== undefined) return parseDevSecrets(existing, file);

  // Not 0700: the embedded server's own user must be able to reach its data directory below it.
  await mkdir(dir, { recursive: true });
  const fresh: DevSecrets = {
    jwtSecret: randomBytes(32).toString('base64'),
    vaultMasterKey: randomBytes(32).toString('base64'),
    vaultLookupKey: randomBytes(32).toString('base64'),
  };
  // Written aside and linked into place: link() fails if another process got there first, and no
  // reader ever sees a half-written file.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  try {
    await link(temporary, file);
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseDevSecrets(await readFile(file, 'utf8'), file);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseDevSecrets(text: string, file: string): DevSecrets {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON; fix or remove it (removing it loses data encrypted with its vault keys)`);
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const missing = FIELDS.filter((field) => typeof record[field] !== 'string' || record[field] === '');
  if (missing.length > 0) throw new Error(`${file} lacks ${missing.join(', ')}`);
  return { jwtSecret: record.jwtSecret as string, vaultMasterKey: record.vaultMasterKey as string, vaultLookupKey: record.vaultLookupKey as string };
}
