// A require hook that compiles TypeScript to CommonJS with @swc/core, so a workspace entry point
// runs as a real Node process with no build:
//   node --conditions=@warmline/source -r @warmline/testing/register.cjs services/x/src/main.ts
// The condition makes sibling @warmline/* packages resolve to their src/index.ts, which this hook
// compiles too. Options match jest.preset.cjs, so code runs the same under jest and here.
'use strict';
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

process.setSourceMapsEnabled(true); // stack traces point at .ts lines

const options = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

// require.extensions is deprecated but is still the only synchronous hook for CommonJS loading.
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
