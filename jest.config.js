/**
 * One `npm test` runs both projects, in band (the integration tests share one broker, and
 * one of them restarts it):
 * - unit: `*.spec.ts` beside the code, no infrastructure;
 * - integration: `test/**\/*.int-spec.ts`, against real MongoDB/FerretDB, RabbitMQ and Redis,
 *   provisioned once by the global setup.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  rootDir: __dirname,
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  testTimeout: 120000,
  // Ends the run once every test has finished even if a handle is still open: a leak found this
  // session (a client or timer some service leaves behind at close; not found yet) kept jest
  // alive after the last test until CI's timeout. Still to find and fix.
  forceExit: true,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/tools/**/*.spec.ts',
        '<rootDir>/test/unit/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
  ],
};
