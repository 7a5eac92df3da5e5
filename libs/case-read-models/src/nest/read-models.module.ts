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
import { holdCaseRows } from '../reports/sanction-review/sanction-review-basis';
import { READ_MODEL_DATA_SOURCE } from './read-model-data-source';

export { READ_MODEL_DATA_SOURCE };
export const PROJECTOR = Symbol('PROJECTOR');
const HOLD_CASE_ROWS = Symbol('HOLD_CASE_ROWS');

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

/** How often the held case rows are brought up to date between reports. */
const HOLD_INTERVAL_MS = 5_000;

/**
 * Where the host answers reports: reads the case rows the sanction review holds in memory once the
 * application is up, in the background, and brings them up to date every few seconds, so that
 * neither the first report nor the first after a rebuild's swap reads them all.
 */
@Injectable()
class HoldCaseRows implements OnApplicationBootstrap {
  private settled: Promise<void> = Promise.resolve();
  private next?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    private readonly resident: ResidentCaseFigures,
    @Inject(HOLD_CASE_ROWS) private readonly enabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (this.enabled) this.hold(true);
  }

  /** Stops, once the rows being read (if any) are in. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.next);
    await this.settled;
  }

  private hold(first: boolean): void {
    const started = performance.now();
    this.settled = holdCaseRows(this.dataSource, this.resident)
      .then(
        (cases) => {
          if (first) this.logger.info({ msg: 'case rows held for the sanction review', cases, ms: Math.round(performance.now() - started) });
        },
        (error: unknown) => this.logger.warn({ msg: 'holding the case rows for the sanction review failed', error: (error as Error).message }),
      )
      .then(() => {
        if (this.stopped) return;
        this.next = setTimeout(() => this.hold(false), HOLD_INTERVAL_MS);
        this.next.unref();
      });
  }
}

/** Closes the read models' own pool last, once the case rows being read are in. */
@Injectable()
class DataSourceLifecycle implements BeforeApplicationShutdown {
  constructor(
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly holding: HoldCaseRows,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.holding.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The read models: their TypeORM data source (schema brought up to date at start), their query
 * handlers (for the host's CqrsModule buses) and, where this process runs them, the projections.
 * `platform` and `eventStore` are the host's modules; `answersReports`: the host serves reports, so
 * the case rows the sanction review holds are read at start.
 */
@Module({})
export class ReadModelsModule {
  static register(platform: DynamicModule, eventStore: DynamicModule, options: { runProjector: boolean; answersReports: boolean }): DynamicModule {
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
        { provide: HOLD_CASE_ROWS, useValue: options.answersReports },
        ...READ_MODEL_QUERY_HANDLERS,
        ProjectorLifecycle,
        HoldCaseRows,
        DataSourceLifecycle,
      ],
      exports: [READ_MODEL_DATA_SOURCE, ...(options.runProjector ? [PROJECTOR] : [])],
    };
  }
}
