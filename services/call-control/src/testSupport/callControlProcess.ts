import path from 'node:path';
import { type ManagedProcess, startTsProcess, waitForOutput } from '@warmline/testing';
import { testEnv } from './testConfig';

/** The real call-control process (`src/main.ts`), and where its gRPC API listens. */
export interface CallControlProcess {
  readonly proc: ManagedProcess;
  readonly address: string;
}

const packageDir = path.resolve(__dirname, '..', '..');

/** Starts `main.ts` as a child process with the test configuration; resolves once it listens. */
export async function startCallControlProcess(natsUrl: string): Promise<CallControlProcess> {
  const proc = startTsProcess('src/main.ts', { cwd: packageDir, env: testEnv(natsUrl) });
  const [, port] = await waitForOutput(proc, /"grpcPort":(\d+)/, { timeoutMs: 30_000 });
  return { proc, address: `127.0.0.1:${port}` };
}

/** Kills the process (and its group) at once, by its id: no graceful stop, as in a crash. */
export async function killHard(running: CallControlProcess): Promise<void> {
  if (running.proc.exitStatus() === undefined) process.kill(-running.proc.pid, 'SIGKILL');
  await running.proc.exited;
}
