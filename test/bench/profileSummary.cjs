// Summarises .cpuprofile files (from BENCH_CPU_PROF_DIR): self time by function and by file.
// node test/bench/profileSummary.cjs <dir or files…> [--top N]
'use strict';
const { readFileSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
const files = args.flatMap(function walk(p) {
  return statSync(p).isDirectory()
    ? readdirSync(p).flatMap((f) => walk(path.join(p, f)))
    : p.endsWith('.cpuprofile')
      ? [p]
      : [];
});

const short = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/.*\/node_modules\/\.pnpm\/([^/]+)\/node_modules\//, '$1:')
    .replace(/^\/work\/main\//, '');

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...dt.values()].reduce((a, b) => a + b, 0);
  const fn = new Map();
  const url = new Map();
  let idle = 0;
  for (const [id, us] of dt) {
    const { functionName, url: u, lineNumber } = byId.get(id).callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    const key = `${functionName || '(anon)'} ${short(u)}:${lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const f = short(u) || functionName;
    url.set(f, (url.get(f) ?? 0) + us);
  }
  const busy = total - idle;
  const line = ([k, us]) =>
    `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${k}`;
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(
    `\n== ${file}: ${(total / 1e6).toFixed(1)} s profiled, busy ${(busy / 1e6).toFixed(1)} s`,
  );
  console.log(' by function (self):');
  sorted(fn).forEach((e) => console.log(line(e)));
  console.log(' by file (self):');
  sorted(url).forEach((e) => console.log(line(e)));
}
