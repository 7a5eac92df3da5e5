import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/** A route as the router has it: one method and the path pattern (`request.routeOptions.url`). */
export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

const recorded = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Records every route added to the instance from now on: call it before any route is added. */
export function recordRoutes(instance: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  recorded.set(instance, routes);
  instance.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
}

/**
 * Every route the application registers (HEAD routes included), in registration order; waits for
 * the server to be ready, since some plugins (the docs' static files) add their routes only then.
 */
export async function registeredRoutes(app: NestFastifyApplication): Promise<readonly RegisteredRoute[]> {
  const instance = app.getHttpAdapter().getInstance();
  const routes = recorded.get(instance);
  if (routes === undefined) throw new Error('registeredRoutes: the application was not built by createApiApp');
  await instance.ready();
  return [...routes];
}
