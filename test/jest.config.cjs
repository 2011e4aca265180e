// Integration tests across services: any `*.int.test.ts` under test/ (except e2e/), real servers.
const { swc } = require('../jest.preset.cjs');

module.exports = {
  rootDir: __dirname,
  displayName: 'int',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@warmline/source', 'node', 'require'] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.int.test.ts', '<rootDir>/**/*.unit.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/'],
  testTimeout: 120_000,
  slowTestThreshold: 60,
};
