const { preset } = require('../../jest.preset.cjs');

const config = preset(__dirname);

// @opentelemetry/otlp-exporter-base loads node:http with a dynamic import(),
// which jest's CommonJS runtime refuses without --experimental-vm-modules. Let
// swc compile that one package too, turning the import() into require(), so
// the OTLP export test runs; plain Node (dist) needs nothing of the sort.
const transformIgnorePatterns = [
  '/node_modules/(?!(\\.pnpm/@opentelemetry\\+otlp-exporter-base@[^/]+/node_modules/)?@opentelemetry/otlp-exporter-base/)',
];

module.exports = {
  ...config,
  projects: config.projects.map((project) => ({ ...project, transformIgnorePatterns })),
};
