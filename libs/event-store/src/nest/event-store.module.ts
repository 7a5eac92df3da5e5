import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, LOGGER, PG_POOL, type AppConfig, type JsonLogger } from '@casetrail/platform';
import type { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '../event-store.port';
import { GlobalSeal } from '../integrity/global-seal';

/** Injection token of the application's {@link GlobalSeal}. */
export const GLOBAL_SEAL = Symbol('GLOBAL_SEAL');
import { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';

/** The configured adapter: EventStoreDB when EVENTSTORE_CONNECTION_STRING is set, else PostgreSQL. */
export async function createEventStore(config: AppConfig, pool: Pool, logger: JsonLogger): Promise<EventStore> {
  if (config.eventStoreConnectionString) {
    logger.info({ msg: 'event store: EventStoreDB', context: 'event-store' });
    return EventStoreDbEventStore.create(config.eventStoreConnectionString);
  }
  logger.info({ msg: 'event store: PostgreSQL', context: 'event-store' });
  return PostgresEventStore.create(pool);
}

/** Provides EVENT_STORE to the module that imports it; closes the adapter on shutdown. */
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** `platform` is the application's PlatformModule.forRoot(...) module. */
  static register(platform: DynamicModule): DynamicModule {
    return {
      module: EventStoreModule,
      imports: [platform],
      providers: [
        { provide: EVENT_STORE, inject: [APP_CONFIG, PG_POOL, LOGGER], useFactory: createEventStore },
        { provide: GLOBAL_SEAL, inject: [EVENT_STORE, PG_POOL], useFactory: (store: EventStore, pool: Pool) => GlobalSeal.create(store, pool) },
      ],
      exports: [EVENT_STORE, GLOBAL_SEAL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
