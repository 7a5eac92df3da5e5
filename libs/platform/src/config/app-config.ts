import { isAbsolute, resolve } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const NODE_ENVS = ['development', 'production', 'test'] as const;

/** Configuration read once at boot. Every field comes from one environment variable. */
export interface AppConfig {
  readonly nodeEnv: (typeof NODE_ENVS)[number];
  /** HTTP port of the API (PORT). */
  readonly port: number;
  /** Interface the API listens on (HOST). */
  readonly host: string;
  /** PostgreSQL server to use (DATABASE_URL); absent: start the embedded server. */
  readonly databaseUrl?: string;
  /** Where the embedded server keeps its files (EMBEDDED_POSTGRES_DIR). */
  readonly embeddedPostgresDir: string;
  /** Port of the embedded server (EMBEDDED_POSTGRES_PORT). */
  readonly embeddedPostgresPort: number;
  /** EventStoreDB/KurrentDB connection string (EVENTSTORE_CONNECTION_STRING); absent: PostgreSQL. */
  readonly eventStoreConnectionString?: string;
  readonly logLevel: LogLevel;
  /** Connections in the PostgreSQL pool (DATABASE_POOL_SIZE). */
  readonly databasePoolSize: number;
  /** Where development secrets and the embedded server live (DATA_DIR). */
  readonly dataDir: string;
  readonly auth: {
    /** AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE: checked on every token. */
    readonly issuer: string;
    readonly audience: string;
    /** AUTH_JWT_ALGORITHM: the one algorithm accepted. */
    readonly algorithm: 'HS256' | 'RS256' | 'ES256' | 'EdDSA';
    /** AUTH_JWT_SECRET (base64, HS256) or AUTH_JWT_PUBLIC_KEY (PEM); neither: development secret. */
    readonly secretBase64?: string;
    readonly publicKeyPem?: string;
  };
  /** Whether the API process also runs the projections (PROJECTOR_IN_API); default: only on the embedded server. */
  readonly projectorInApi: boolean;
  /** How long a read with `minPosition` waits for the read models to catch up before 503 (READ_YOUR_WRITES_TIMEOUT_MS). */
  readonly readYourWritesTimeoutMs: number;
  /** VAULT_MASTER_KEY and VAULT_LOOKUP_KEY (base64, 32 bytes each); absent: development keys. */
  readonly vault: { readonly masterKeyBase64?: string; readonly lookupKeyBase64?: string };
  /** Browser origins allowed to call the API cross-origin (CORS_ORIGINS, comma-separated); empty: none. */
  readonly corsOrigins: readonly string[];
  /** Requests a minute per user (per address without a valid token) before 429 (RATE_LIMIT_PER_MINUTE). */
  readonly rateLimitPerMinute: number;
}

/** Raised at boot when a variable is wrong; the message names every variable at fault. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration; throws one ConfigError listing every problem. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (!allowed.includes(raw as T)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  };

  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL with a host');
  }
  const eventStoreConnectionString = text('EVENTSTORE_CONNECTION_STRING');
  if (eventStoreConnectionString !== undefined && !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kdb|kdb\+discover):\/\/\S+$/.test(eventStoreConnectionString)) {
    problems.push('EVENTSTORE_CONNECTION_STRING must start with esdb://, esdb+discover://, kurrentdb:// or kdb://');
  }
  const dataDirRaw = text('DATA_DIR') ?? '.data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const dir = text('EMBEDDED_POSTGRES_DIR') ?? resolve(dataDir, 'postgres');
  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const secretBase64 = text('AUTH_JWT_SECRET');
  const publicKeyPem = text('AUTH_JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n');
  const algorithm = oneOf('AUTH_JWT_ALGORITHM', ['HS256', 'RS256', 'ES256', 'EdDSA'] as const, publicKeyPem ? 'RS256' : 'HS256');
  if (secretBase64 && publicKeyPem) problems.push('set AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY, not both');
  if (secretBase64 && Buffer.from(secretBase64, 'base64').length < 32) problems.push('AUTH_JWT_SECRET must be at least 32 bytes, base64');
  if (secretBase64 && algorithm !== 'HS256') problems.push('AUTH_JWT_ALGORITHM must be HS256 with AUTH_JWT_SECRET');
  if (publicKeyPem && algorithm === 'HS256') problems.push('AUTH_JWT_ALGORITHM must be RS256, ES256 or EdDSA with AUTH_JWT_PUBLIC_KEY');
  if (publicKeyPem && !publicKeyPem.includes('BEGIN PUBLIC KEY')) problems.push('AUTH_JWT_PUBLIC_KEY must be a PEM public key');
  const vault = { masterKeyBase64: text('VAULT_MASTER_KEY'), lookupKeyBase64: text('VAULT_LOOKUP_KEY') };
  for (const [name, value] of [['VAULT_MASTER_KEY', vault.masterKeyBase64], ['VAULT_LOOKUP_KEY', vault.lookupKeyBase64]] as const) {
    if (value !== undefined && Buffer.from(value, 'base64').length !== 32) problems.push(`${name} must be 32 bytes, base64`);
  }
  const corsOrigins = (text('CORS_ORIGINS') ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  for (const origin of corsOrigins) {
    if (!isOrigin(origin)) problems.push(`CORS_ORIGINS must list origins such as https://sager.kommune.dk, comma-separated, without path or * (got "${origin}")`);
  }
  if (nodeEnv === 'production') {
    if (!secretBase64 && !publicKeyPem) problems.push('production needs AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY (development secrets are refused)');
    if (!vault.masterKeyBase64 || !vault.lookupKeyBase64) problems.push('production needs VAULT_MASTER_KEY and VAULT_LOOKUP_KEY (development keys are refused)');
    if (!text('AUTH_JWT_ISSUER') || !text('AUTH_JWT_AUDIENCE')) problems.push('production needs AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE');
  }
  const config: AppConfig = {
    nodeEnv,
    port: integer('PORT', 3000, 1, 65535),
    host: text('HOST') ?? '127.0.0.1',
    databaseUrl,
    embeddedPostgresDir: isAbsolute(dir) ? dir : resolve(cwd, dir),
    embeddedPostgresPort: integer('EMBEDDED_POSTGRES_PORT', 54329, 1024, 65535),
    eventStoreConnectionString,
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    databasePoolSize: integer('DATABASE_POOL_SIZE', 20, 1, 500),
    dataDir,
    auth: {
      issuer: text('AUTH_JWT_ISSUER') ?? 'casetrail-dev',
      audience: text('AUTH_JWT_AUDIENCE') ?? 'casetrail-api',
      algorithm,
      secretBase64,
      publicKeyPem,
    },
    vault,
    readYourWritesTimeoutMs: integer('READ_YOUR_WRITES_TIMEOUT_MS', 5000, 0, 60000),
    corsOrigins,
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    projectorInApi: oneOf('PROJECTOR_IN_API', ['true', 'false'] as const, databaseUrl === undefined ? 'true' : 'false') === 'true',
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** An origin as browsers send it: scheme, host and optional port, nothing more. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

