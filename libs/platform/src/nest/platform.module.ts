import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/app-config';
import type { ResolvedSecrets } from '../config/secrets';
import type { JsonLogger } from '../logging/json-logger';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const PG_POOL = Symbol('PG_POOL');
export const SECRETS = Symbol('SECRETS');
export const DATABASE_URL = Symbol('DATABASE_URL');

export interface PlatformOptions {
  readonly config: AppConfig;
  readonly logger: JsonLogger;
  readonly pool: Pool;
  /** The URL `pool` connects to, for clients that keep their own pool (TypeORM). */
  readonly databaseUrl: string;
  readonly secrets: ResolvedSecrets;
  /** The server's clock: recorded times come from it. Tests replace it to record facts "in the past". */
  readonly clock?: () => Date;
}

/**
 * Hands the process-wide configuration, secrets, logger and PostgreSQL pool (all created before Nest starts,
 * because the embedded server must be up first) to the modules that need them. Ends the pool on
 * shutdown.
 */
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: LOGGER, useValue: options.logger },
        { provide: PG_POOL, useValue: options.pool },
        { provide: SECRETS, useValue: options.secrets },
        { provide: DATABASE_URL, useValue: options.databaseUrl },
      ],
      exports: [APP_CONFIG, LOGGER, PG_POOL, SECRETS, DATABASE_URL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
