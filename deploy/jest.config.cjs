// Checks are plain tests over files; the ones that run kustomize/kubeconform/nats-server
// need the binaries scripts/setup.sh builds into .tools/bin.
const { swc } = require('../jest.preset.cjs');

module.exports = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@warmline/source', 'node', 'require'] },
  testMatch: ['<rootDir>/checks/**/*.test.ts'],
  testTimeout: 120_000,
};
