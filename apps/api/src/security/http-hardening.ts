import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearerToken, type AppConfig, type TokenVerifier } from '@casetrail/platform';
import type { FastifyRequest } from 'fastify';
import { useDepthLimitedJsonParser } from '../http/json-body-parser';
import { refuseUnstorableText } from '../http/storable-text';
import { verifyOnce } from './verify-once';

/** The API answers JSON and text only: nothing may load, frame or submit anything from it. */
const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

/** The OpenAPI UI loads its own scripts, styles (some inline) and data: images, and calls the API. */
const DOCS_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const DOCS_PATH = /^\/docs(?:[/-]|$)/;

/**
 * Security headers (a relaxed CSP on the /docs paths only), `Cache-Control: no-store` on the API's
 * answers, CORS closed unless CORS_ORIGINS lists origins, and a rate limit per user (per address
 * without a valid token) answered with a 429 problem document; JSON bodies of bounded nesting, and no
 * text PostgreSQL cannot store. Call before any route is added.
 */
export async function hardenHttp(app: NestFastifyApplication, config: AppConfig, verifier: TokenVerifier): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (DOCS_PATH.test(route.url)) {
      route.config = { ...route.config, helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } } } as typeof route.config;
    }
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!DOCS_PATH.test(request.routeOptions.url ?? '')) void reply.header('Cache-Control', 'no-store');
    done();
  });

  useDepthLimitedJsonParser(app);
  fastify.addHook('preValidation', refuseUnstorableText);
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: API_CSP } });
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
    credentials: false,
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Correlation-Id', 'X-Purpose'],
    exposedHeaders: [
      'ETag', 'Location', 'Retry-After', 'X-Correlation-Id', 'Idempotent-Replayed', 'X-Stream-Hash', 'Content-Disposition',
      'X-Report-Digest', 'X-Report-Position', 'X-Report-Recorded-Cutoff',
    ],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => rateLimitKey(request, verifier),
    errorResponseBuilder: (_request, context) =>
      new HttpException(
        { code: 'REQUEST.RATE_LIMITED', detail: `More than ${context.max} requests a minute; retry in ${context.after}` },
        HttpStatus.TOO_MANY_REQUESTS,
      ),
  });
}

/** The verified token's subject, so that a user is limited wherever they call from; else the address. */
async function rateLimitKey(request: FastifyRequest, verifier: TokenVerifier): Promise<string> {
  const token = bearerToken(request.headers.authorization);
  if (token !== undefined) {
    try {
      return `user:${(await verifyOnce(request, token, verifier)).subject}`;
    } catch {
      // An invalid token counts against the address it came from.
    }
  }
  return `address:${request.ip}`;
}
