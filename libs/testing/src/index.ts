export { createTestDatabase } from './database/test-database';
export type { TestDatabase } from './database/test-database';
