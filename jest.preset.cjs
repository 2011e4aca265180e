// Shared jest settings: @swc/jest compiles TypeScript to CommonJS, and the
// `@warmline/source` export condition resolves sibling workspace packages to
// their `src/` so tests never need a build first.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/** @param {string} dir package directory; @param {{ intTimeoutMs?: number }} [options] */
function preset(dir, options = {}) {
  const common = {
    rootDir: dir,
    transform: { '^.+\\.(t|j)sx?$': swc },
    testEnvironment: 'node',
    testEnvironmentOptions: { customExportConditions: ['@warmline/source', 'node', 'require'] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    modulePathIgnorePatterns: ['<rootDir>/dist/'],
  };
  return {
    projects: [
      { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.unit.test.ts'] },
      {
        ...common,
        displayName: 'int',
        testMatch: ['<rootDir>/src/**/*.int.test.ts', '<rootDir>/test/**/*.int.test.ts'],
        slowTestThreshold: 30,
      },
    ],
    testTimeout: options.intTimeoutMs ?? 60_000,
  };
}

module.exports = { preset, swc, root: path.resolve(__dirname) };
