// Preloaded into a service by the stack bench (BENCH_CPU_PROF_DIR, via NODE_OPTIONS=--require):
// a CPU profile of the whole process, written on exit. Node 20 refuses --cpu-prof in NODE_OPTIONS.
'use strict';
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const dir = process.env.WARMLINE_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // the same-thread session answers synchronously, so this runs before the process is gone
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
