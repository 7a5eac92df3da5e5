import 'reflect-metadata';
import { JsonLogger, createPostgresPool, loadConfigOrExit, provideDatabaseServer, resolveSecrets } from '@casetrail/platform';
import { createApiApp } from './api-app.factory';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = new JsonLogger(config.logLevel, 'api');
  const secrets = await resolveSecrets(config);
  if (secrets.development.length > 0) {
    logger.warn({ msg: 'using development secrets: not for production', secrets: secrets.development, file: `${config.dataDir}/dev-secrets.json` });
  }
  const server = await provideDatabaseServer(config, logger);
  let stopping = false;
  const pool = createPostgresPool(server.url, {
    max: config.databasePoolSize,
    applicationName: 'casetrail-api',
    // While stopping, the server ends connections that are closing anyway.
    onError: (error) => stopping || logger.warn({ msg: 'idle database connection failed', error: error.message }),
  });
  const app = await createApiApp({ config, logger, pool, secrets, databaseUrl: server.url });
  await app.listen({ port: config.port, host: config.host });
  logger.info({ msg: 'casetrail API listening', url: `http://${config.host}:${config.port}` });

  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ msg: 'shutting down', signal });
    await app.close();
    await server.stop();
    logger.info({ msg: 'stopped' });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  new JsonLogger('error', 'api').error({ msg: 'failed to start', error: (error as Error)?.message ?? String(error) });
  process.exit(1);
});
