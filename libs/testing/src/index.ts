export { createTestDatabase } from './database/test-database';
export type { TestDatabase } from './database/test-database';
export { freePort } from './network/free-port';
export { waitFor } from './wait-for';
export { given } from './deciders/given-when-then';
