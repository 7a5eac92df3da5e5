import 'reflect-metadata';
import { ConfigError, JsonLogger, createPostgresPool, loadConfig, mintDevToken, provideDatabaseServer, resolveSecrets } from '@casetrail/platform';
import { createApiApp } from '../apps/api/src/api-app.factory';
import { seedDemo, type SeedClient } from './seed-demo/seed-through-api';

const USAGE = `Usage: npm run seed:demo   (SEED_DEMO_SCALE=0.1 for a small municipality; 1, the default, is about 300 citizens)
Starts the API in this process against the configured database (the embedded server by default), loads a
synthetic municipality through the API's own routes as an admin, waits for the read models, prints what it
loaded. Run again, it finds the demo data and loads nothing.`;

const ACTOR = 'system:seed-demo';

/**
 * `npm run seed:demo`: demo data through the same command path the API uses (HTTP routes, injected
 * in-process): validation, the vault, the deciders and the store all run as for a caseworker.
 */
async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const scale = Number(process.env.SEED_DEMO_SCALE ?? '1');
  if (!(scale > 0 && scale <= 20)) throw new UsageError('SEED_DEMO_SCALE must be a number above 0 and at most 20');
  // The seed sends thousands of requests as one user: the per-user rate limit is for people.
  const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: process.env.SEED_DEMO_RATE_LIMIT ?? '1000000' });
  const logger = new JsonLogger('warn', 'seed-demo', (line) => process.stderr.write(line));
  const secrets = await resolveSecrets(config);
  if (!('secret' in secrets.jwt) || !secrets.jwt.secret) {
    throw new UsageError('seed:demo signs its own admin token and needs an HS256 secret (AUTH_JWT_SECRET or the development secret), not a public key');
  }
  const server = await provideDatabaseServer(config, logger);
  const pool = createPostgresPool(server.url, { max: 5, applicationName: 'casetrail-seed-demo' });
  const app = await createApiApp({ config, logger, pool, secrets, databaseUrl: server.url });
  try {
    const token = await mintDevToken({
      subject: ACTOR,
      roles: ['admin'],
      name: 'Demo data seed',
      secret: secrets.jwt.secret,
      issuer: secrets.jwt.issuer,
      audience: secrets.jwt.audience,
      expiresIn: '2h',
    });
    const send = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
      for (let attempt = 0; ; attempt++) {
        const response = await app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${token}`, 'x-purpose': 'demo data seed', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
        if (response.statusCode === 429 && attempt < 10) {
          await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers['retry-after'] ?? 1)));
          continue;
        }
        let parsed: unknown = response.body;
        try {
          parsed = response.body === '' ? undefined : JSON.parse(response.body);
        } catch {
          // text: keep it
        }
        return { statusCode: response.statusCode, body: parsed as any };
      }
    };
    const client: SeedClient = { post: (url, body) => send('POST', url, body), get: (url) => send('GET', url) };
    const started = Date.now();
    const summary = await seedDemo(client, { scale, log: (line) => process.stdout.write(`  … ${line}\n`) });
    if (summary.skipped) {
      process.stdout.write(`Nothing loaded: ${summary.reason}.\n`);
      return;
    }
    process.stdout.write(`Loaded a synthetic municipality (scale ${scale}) in ${((Date.now() - started) / 1000).toFixed(1)} s, as ${ACTOR}:\n`);
    for (const [what, count] of Object.entries(summary.counts).sort(([a], [b]) => a.localeCompare(b))) {
      const shown = what.endsWith(', øre') ? `${(count / 100).toLocaleString('da-DK', { minimumFractionDigits: 2 })} kr.` : count.toLocaleString('da-DK');
      process.stdout.write(`  ${what.replace(', øre', '').padEnd(48)} ${shown}\n`);
    }
    const statistics = (await client.get('/reports/complaint-statistics?period=year')).body;
    const reconciliation = (await client.get(`/reports/extract-reconciliation/${summary.extractId}`)).body;
    process.stdout.write(
      `Reports:\n  GET /reports/complaint-statistics?period=year&comparatorId=${summary.comparatorIds[0]}\n` +
        `    ${statistics.total.decided} appeals decided, reversal rate ${statistics.total.reversalRate.pct} % (${statistics.total.reversalRate.numerator}/${statistics.total.reversalRate.denominator})\n` +
        `  GET /reports/extract-reconciliation/${summary.extractId}\n` +
        `    ${reconciliation.citizens.inExtract} citizens and ${reconciliation.sanctions.reportedByExtract} stricter sanctions in the extract; ` +
        `${reconciliation.sanctions.verifiedInternally} verified internally, ${reconciliation.sanctions.untypedForExtractCitizens} recorded without a type\n`,
    );
  } finally {
    await app.close();
    await pool.end().catch(() => undefined);
    await server.stop();
  }
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  const usage = error instanceof UsageError || error instanceof ConfigError;
  process.stderr.write(`seed-demo: ${error instanceof Error ? error.message : String(error)}\n${usage ? `${USAGE}\n` : ''}`);
  process.exitCode = usage ? 2 : 1;
});
