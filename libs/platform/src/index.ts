export { loadConfig, ConfigError } from './config/app-config';
export type { AppConfig, LogLevel } from './config/app-config';
export { JsonLogger } from './logging/json-logger';
export type { LogFields } from './logging/json-logger';
export { startEmbeddedPostgres } from './database/embedded-postgres';
export type { EmbeddedPostgresOptions, RunningPostgres } from './database/embedded-postgres';
export { createPostgresPool } from './database/postgres-pool';
