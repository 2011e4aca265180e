// Started by tsProcess.int.test.ts: a process that will not stop politely, so stop() must SIGKILL.
process.on('SIGTERM', () => process.stdout.write('ignoring SIGTERM\n'));
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
