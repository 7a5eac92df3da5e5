import { Inject, Injectable, Module, Optional, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, GLOBAL_SEAL, type EventStore, type GlobalSeal } from '@casetrail/event-store';
import { DATABASE_URL, LOGGER, PG_POOL, type JsonLogger } from '@casetrail/platform';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createReadModelDataSource, migrateReadModels } from '../data-source';
import { Projector } from '../projection/projector';
import { PROJECTIONS } from '../projections';
import { READ_MODEL_QUERY_HANDLERS } from '../read-model.queries';
import { ResidentCaseFigures } from '../reports/sanction-review/resident-case-figures';
import { READ_MODEL_DATA_SOURCE } from './read-model-data-source';

export { READ_MODEL_DATA_SOURCE };
export const PROJECTOR = Symbol('PROJECTOR');

const SEAL_INTERVAL_MS = 10_000;

/**
 * Starts the projector once the application is up, and with it the regular sealing of the global
 * log's running hash; stops both before anything else closes.
 */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private sealing?: NodeJS.Timeout;

  constructor(
    @Inject(GLOBAL_SEAL) private readonly seal: GlobalSeal,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    @Optional() @Inject(PROJECTOR) private readonly projector?: Projector,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.projector) return;
    this.projector.start();
    this.sealing = setInterval(() => {
      this.seal.sealNew().catch((error: unknown) => this.logger.warn({ msg: 'sealing the global log failed', error: (error as Error).message }));
    }, SEAL_INTERVAL_MS);
    this.sealing.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sealing);
    await this.projector?.stop();
  }
}

/** Closes the read models' own pool last. */
@Injectable()
class DataSourceLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async beforeApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The read models: their TypeORM data source (schema brought up to date at start), their query
 * handlers (for the host's CqrsModule buses) and, where this process runs them, the projections.
 * `platform` and `eventStore` are the host's modules.
 */
@Module({})
export class ReadModelsModule {
  static register(platform: DynamicModule, eventStore: DynamicModule, options: { runProjector: boolean }): DynamicModule {
    return {
      module: ReadModelsModule,
      imports: [platform, eventStore],
      providers: [
        {
          provide: READ_MODEL_DATA_SOURCE,
          inject: [DATABASE_URL],
          useFactory: async (url: string) => {
            const dataSource = createReadModelDataSource(url);
            await dataSource.initialize();
            await migrateReadModels(dataSource);
            return dataSource;
          },
        },
        ...(options.runProjector
          ? [
              {
                provide: PROJECTOR,
                inject: [EVENT_STORE, PG_POOL, LOGGER, READ_MODEL_DATA_SOURCE],
                useFactory: (store: EventStore, pool: Pool, logger: JsonLogger) => new Projector(store, pool, PROJECTIONS, logger.child('projector')),
              },
            ]
          : []),
        ResidentCaseFigures,
        ...READ_MODEL_QUERY_HANDLERS,
        ProjectorLifecycle,
        DataSourceLifecycle,
      ],
      exports: [READ_MODEL_DATA_SOURCE, ...(options.runProjector ? [PROJECTOR] : [])],
    };
  }
}
