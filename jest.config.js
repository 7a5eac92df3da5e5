/** Packages that ship ES modules only, also where they sit nested under another package. */
const ES_MODULE_PACKAGES = '@nestjs|jose|file-type|strtok3|token-types|uint8array-extras|@tokenizer|load-esm|@borewit|cookie|content-disposition';

/** @type {import('jest').Config} */
const swc = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
// Our own import() stays native: the global setup loads the embedded server (an ES module) outside
// Jest's sandbox. Inside packages, import() becomes require(), which Jest's module runtime can serve.
const ownCode = { ...swc, module: { type: 'commonjs', ignoreDynamic: true } };

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: {
    '/node_modules/.+\\.(t|j|mj)s$': ['@swc/jest', swc],
    '^.+\\.(t|j|mj)s$': ['@swc/jest', ownCode],
  },
  // NestJS 12 and a few dependencies ship as ES modules: transform them for Jest's CommonJS runtime.
  transformIgnorePatterns: [`/node_modules/(?!(${ES_MODULE_PACKAGES})/|.*/node_modules/(${ES_MODULE_PACKAGES})/)`],
  moduleNameMapper: {
    '^@casetrail/(event-store|platform|testing|case-management|personal-data|case-read-models)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/libs/testing/src/database/test-postgres.global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/database/test-postgres.global-teardown.ts',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  maxWorkers: 2,
  testTimeout: 30000,
};
