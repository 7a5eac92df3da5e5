/**
 * Injection token of the read models' TypeORM DataSource (initialized, schema up to date). In its own
 * file so that query handlers can inject it without importing the module that registers them.
 */
export const READ_MODEL_DATA_SOURCE = Symbol('READ_MODEL_DATA_SOURCE');
