import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { JWT_VERIFIER, type PlatformOptions } from '@casetrail/platform';
import { AppModule } from './app.module';
import { stampRequest } from './http/request-context';
import { ApiMetrics } from './metrics/api-metrics';
import { recordRequestMetrics } from './metrics/request-metrics';
import { createValidationPipe } from './http/validation.pipe';
import { answerFrameworkError } from './problem-details/framework-errors';
import { hardenHttp } from './security/http-hardening';
import { recordRoutes } from './security/registered-routes';

export const BODY_LIMIT_BYTES = 256 * 1024;

/** Builds the HTTP application exactly as it runs in production; tests use it too. */
export async function createApiApp(options: PlatformOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: false, frameworkErrors: answerFrameworkError });
  recordRoutes(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    logger: options.logger.child('nest'),
    abortOnError: false,
    // Kept beside the parsed body: an imported extract is recognised by the SHA-256 of the file as posted.
    rawBody: true,
  });
  app.getHttpAdapter().getInstance().addHook('onRequest', stampRequest(options.clock ?? (() => new Date())));
  app.getHttpAdapter().getInstance().addHook('onResponse', recordRequestMetrics(app.get(ApiMetrics)));
  await hardenHttp(app, options.config, app.get(JWT_VERIFIER));
  app.useGlobalPipes(createValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('casetrail API')
      .setDescription('Event-sourced case management: every write is an event with effective and recorded time. Errors are RFC 9457 problem documents with a dotted code.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  return app;
}
