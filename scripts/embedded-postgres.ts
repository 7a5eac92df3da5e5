import { ConfigError, JsonLogger, loadConfig, startEmbeddedPostgres } from '@casetrail/platform';

/**
 * `npm run db`: runs the embedded PostgreSQL server alone (for psql, or for a projector and an API
 * started separately with DATABASE_URL). Prints one JSON line with its URL; stops on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel, 'embedded-postgres', (line) => process.stderr.write(line));
  const server = await startEmbeddedPostgres({
    dataDir: config.embeddedPostgresDir,
    port: config.embeddedPostgresPort,
    database: 'casetrail',
    logger,
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = async (): Promise<void> => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
  process.exit(1);
});
