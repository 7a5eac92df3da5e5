export { createTestDatabase } from './database/test-database';
export type { TestDatabase } from './database/test-database';
export { freePort } from './network/free-port';
export { waitFor } from './wait-for';
export { waitForStableLog } from './wait-for-stable-log';
export { given } from './deciders/given-when-then';
export {
  ACCEPTANCE_FIXTURE_A,
  FIXTURE_A_EXPECTED_SUMMARY,
  GENERIC_SANCTION_TYPE,
  STRICTER_SANCTION_TYPE,
  isCountedSanction,
  laterFactDate,
  precedingSource,
  summariseFixtureA,
  withLaterFacts,
} from './fixtures/acceptance-fixture-a';
export type {
  AcceptanceFixtureA,
  FixtureCitizen,
  FixtureDiscovery,
  FixtureLaterFact,
  FixtureRepayment,
  FixtureReview,
  FixtureSanction,
  FixtureSummary,
  FixtureSummaryRow,
  IsoDate,
} from './fixtures/acceptance-fixture-a';
export { syntheticCpr } from './fixtures/synthetic-cpr';
