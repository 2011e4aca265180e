// End-to-end tests: real calls through the whole local stack (test/e2e/**/*.e2e.test.ts), one
// file at a time (each file runs its own stack; the machine has few cores).
const base = require('./jest.config.cjs');

module.exports = {
  ...base,
  displayName: 'e2e',
  testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 240_000,
  maxWorkers: 1,
  slowTestThreshold: 120,
};
