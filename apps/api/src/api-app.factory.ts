import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PlatformOptions } from '@casetrail/platform';
import { AppModule } from './app.module';

export const BODY_LIMIT_BYTES = 256 * 1024;

/** Builds the HTTP application exactly as it runs in production; tests use it too. */
export async function createApiApp(options: PlatformOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: false });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    logger: options.logger.child('nest'),
    abortOnError: false,
  });
  await app.init();
  return app;
}
