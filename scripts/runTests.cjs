// Runs jest scripts (e.g. `test`, then `test:e2e`) in every workspace package
// that has them, one package at a time, and ends with one closing line for the
// whole run: "N passed, N failed". Exits non-zero if any package failed.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const scripts = process.argv.length > 2 ? process.argv.slice(2) : ['test'];
const root = path.resolve(__dirname, '..');
const groups = ['libs', 'services', 'examples'];
const dirs = [
  ...groups.flatMap((g) =>
    fs.existsSync(path.join(root, g))
      ? fs.readdirSync(path.join(root, g)).map((d) => path.join(root, g, d))
      : [],
  ),
  path.join(root, 'test'),
  path.join(root, 'deploy'),
].filter((d) => fs.existsSync(path.join(d, 'package.json')));

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-tests-'));
let passed = 0;
let failed = 0;
const broken = [];
for (const [script, dir] of scripts.flatMap((s) => dirs.map((d) => [s, d]))) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (!pkg.scripts?.[script]) continue;
  const report = path.join(out, `${pkg.name}-${script}`.replace(/[^a-z0-9]/gi, '_') + '.json');
  process.stdout.write(`\n\u001b[1m${pkg.name}\u001b[0m: ${script}\n`);
  const run = spawnSync('pnpm', ['run', '--silent', script, '--json', `--outputFile=${report}`], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (fs.existsSync(report)) {
    const result = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    if (run.status !== 0 && result.numFailedTests === 0) broken.push(`${pkg.name} (${script})`);
  } else if (run.status !== 0) {
    broken.push(`${pkg.name} (${script})`);
  }
}
fs.rmSync(out, { recursive: true, force: true });
if (broken.length)
  process.stdout.write(`\npackages whose test run failed outside a test: ${broken.join(', ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || broken.length > 0 ? 1 : 0);
