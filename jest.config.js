/** @type {import('jest').Config} */
const swc = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  // import() stays native: the embedded server is loaded as an ES module outside Jest's sandbox.
  module: { type: 'commonjs', ignoreDynamic: true },
};

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  // NestJS 12 and a few dependencies ship as ES modules: transform them for Jest's CommonJS runtime.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose|file-type|strtok3|token-types|uint8array-extras|@tokenizer|load-esm|@borewit|cookie)/)'],
  moduleNameMapper: {
    '^@casetrail/(event-store|platform|testing|case-management|personal-data)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/libs/testing/src/database/test-postgres.global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/database/test-postgres.global-teardown.ts',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  maxWorkers: 2,
  testTimeout: 30000,
};
