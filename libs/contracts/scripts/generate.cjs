// Generates src/gen from ../../proto with buf + ts-proto. Generated code is not
// committed: every task that needs it depends on proto:gen (see turbo.json).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const here = path.resolve(__dirname, '..');
const protoDir = path.resolve(here, '../../proto');
const out = path.join(here, 'src/gen');
const bin = (name) => path.join(here, 'node_modules/.bin', name);

const options = [
  'outputServices=grpc-js',
  'esModuleInterop=true',
  'env=node',
  'oneof=unions-value',
  'useOptionals=messages',
  'forceLong=number',
  'useDate=true',
  'exportCommonSymbols=false',
  'outputJsonMethods=true',
  'outputPartialMethods=true',
];

const template = {
  version: 'v2',
  plugins: [{ local: bin('protoc-gen-ts_proto'), out, opt: options }],
};

fs.rmSync(out, { recursive: true, force: true });
execFileSync(bin('buf'), ['lint'], { cwd: protoDir, stdio: 'inherit' });
execFileSync(bin('buf'), ['generate', '--template', JSON.stringify(template)], {
  cwd: protoDir,
  stdio: 'inherit',
});
process.stdout.write(`generated ${path.relative(process.cwd(), out)}\n`);
