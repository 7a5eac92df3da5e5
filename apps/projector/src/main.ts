import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JsonLogger, createPostgresPool, loadConfigOrExit, provideDatabaseServer, resolveSecrets } from '@casetrail/platform';
import { ProjectorModule } from './projector.module';

/** `npm run start:projector`: runs the projections alone, as in production beside the API. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = new JsonLogger(config.logLevel, 'projector');
  const secrets = await resolveSecrets(config);
  const server = await provideDatabaseServer(config, logger);
  let stopping = false;
  const pool = createPostgresPool(server.url, {
    max: 10,
    applicationName: 'casetrail-projector',
    onError: (error) => stopping || logger.warn({ msg: 'idle database connection failed', error: error.message }),
  });
  const app = await NestFactory.createApplicationContext(
    ProjectorModule.register({ config, logger, pool, secrets, databaseUrl: server.url }),
    { logger: logger.child('nest'), abortOnError: false },
  );
  await app.init();
  logger.info({ msg: 'casetrail projector started' });
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ msg: 'shutting down', signal });
    await app.close();
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  new JsonLogger('error', 'projector').error({ msg: 'failed to start', error: (error as Error)?.message ?? String(error) });
  process.exit(1);
});
