// Started by tsProcess.int.test.ts: starts a child through startProcess, then exits without
// stopping it, as a crashed or careless test run would. The exit hook must kill the child.
import { startProcess } from '../process';

const child = startProcess(process.execPath, ['-e', 'setInterval(() => {}, 60_000)']);
process.stdout.write(`child ${child.pid}\n`);
setTimeout(() => process.exit(0), 100);
