import { ConfigError, loadConfig } from './app-config';

const KEY = Buffer.alloc(32, 1).toString('base64');
const KEY2 = Buffer.alloc(32, 2).toString('base64');

describe('loadConfig', () => {
  it('defaults to the embedded PostgreSQL server and the PostgreSQL event store', () => {
    const config = loadConfig({}, '/srv/casetrail');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      eventStoreConnectionString: undefined,
      embeddedPostgresDir: '/srv/casetrail/.data/postgres',
      embeddedPostgresPort: 54329,
      logLevel: 'info',
      nodeEnv: 'development',
      readYourWritesTimeoutMs: 5000,
      corsOrigins: [],
      rateLimitPerMinute: 600,
    });
  });

  it('takes every value from its variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/casetrail',
      EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore:2113?tls=false',
      EMBEDDED_POSTGRES_DIR: '/var/lib/casetrail/pg',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      DATABASE_POOL_SIZE: '50',
      AUTH_JWT_SECRET: KEY,
      AUTH_JWT_ISSUER: 'https://login.kommune.dk',
      AUTH_JWT_AUDIENCE: 'casetrail',
      VAULT_MASTER_KEY: KEY,
      VAULT_LOOKUP_KEY: KEY2,
      READ_YOUR_WRITES_TIMEOUT_MS: '250',
      CORS_ORIGINS: 'https://sager.kommune.dk, http://localhost:5173',
      RATE_LIMIT_PER_MINUTE: '120',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/casetrail',
      eventStoreConnectionString: 'esdb://eventstore:2113?tls=false',
      embeddedPostgresDir: '/var/lib/casetrail/pg',
      logLevel: 'debug',
      nodeEnv: 'production',
      databasePoolSize: 50,
      auth: { issuer: 'https://login.kommune.dk', audience: 'casetrail', algorithm: 'HS256', secretBase64: KEY },
      vault: { masterKeyBase64: KEY, lookupKeyBase64: KEY2 },
      readYourWritesTimeoutMs: 250,
      corsOrigins: ['https://sager.kommune.dk', 'http://localhost:5173'],
      rateLimitPerMinute: 120,
    });
  });

  it('refuses to start in production with development secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/VAULT_MASTER_KEY and VAULT_LOOKUP_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: KEY, VAULT_MASTER_KEY: KEY, VAULT_LOOKUP_KEY: KEY2 })).toThrow(/AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE/);
  });

  it('checks key sizes and the pairing of key and algorithm', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: Buffer.alloc(16).toString('base64') })).toThrow(/AUTH_JWT_SECRET must be at least 32 bytes/);
    expect(() => loadConfig({ VAULT_MASTER_KEY: Buffer.alloc(31).toString('base64') })).toThrow(/VAULT_MASTER_KEY must be 32 bytes/);
    expect(() => loadConfig({ AUTH_JWT_SECRET: KEY, AUTH_JWT_ALGORITHM: 'RS256' })).toThrow(/must be HS256/);
    expect(() => loadConfig({ AUTH_JWT_PUBLIC_KEY: 'not a pem' })).toThrow(/PEM public key/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ EVENTSTORE_CONNECTION_STRING: 'http://eventstore:2113' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ EMBEDDED_POSTGRES_PORT: '80' }, 'EMBEDDED_POSTGRES_PORT'],
    [{ READ_YOUR_WRITES_TIMEOUT_MS: '-1' }, 'READ_YOUR_WRITES_TIMEOUT_MS'],
    [{ READ_YOUR_WRITES_TIMEOUT_MS: '60001' }, 'READ_YOUR_WRITES_TIMEOUT_MS'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://sager.kommune.dk/' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://sager.kommune.dk/api' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'sager.kommune.dk' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://a.dk,ftp://b.dk' }, 'CORS_ORIGINS'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, 'RATE_LIMIT_PER_MINUTE'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`\\b${variable}\\b`));
  });

  it('names every wrong variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        expect.stringContaining('PORT'),
        expect.stringContaining('LOG_LEVEL'),
      ]);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: ' ' }).databaseUrl).toBeUndefined();
  });
});
