// End-to-end tests of an example: real calls through the gateway of @warmline/local-stack
// (src/e2e/**/*.e2e.test.ts), one file at a time (each file runs its own stack).
const { swc } = require('../../jest.preset.cjs');

/** @param {string} dir the example's package directory */
function e2ePreset(dir) {
  return {
    rootDir: dir,
    displayName: 'e2e',
    transform: { '^.+\\.(t|j)sx?$': swc },
    testEnvironment: 'node',
    testEnvironmentOptions: { customExportConditions: ['@warmline/source', 'node', 'require'] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    modulePathIgnorePatterns: ['<rootDir>/dist/'],
    testMatch: ['<rootDir>/src/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    maxWorkers: 1,
    slowTestThreshold: 60,
  };
}

module.exports = { e2ePreset };
