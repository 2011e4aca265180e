import { existsSync } from 'node:fs';
import path from 'node:path';
import { ProcessStartError } from './errors';
import { type ManagedProcess, startProcess } from './process';

/** The require hook that compiles `.ts` with @swc/core (this package's `register.cjs`). */
export const registerHookPath = path.resolve(__dirname, '..', 'register.cjs');

/** Options of {@link startTsProcess}. */
export interface TsProcessOptions {
  /** Added to the current environment (a key set to `undefined` is removed). */
  env?: NodeJS.ProcessEnv;
  /** Arguments after the entry file (`process.argv.slice(2)` in the child). */
  args?: readonly string[];
  /** Working directory; a relative `entryFile` is resolved against it. Default `process.cwd()`. */
  cwd?: string;
  /** Extra flags for node itself, before the entry file (e.g. `--inspect`). */
  nodeArgs?: readonly string[];
  /** Grace period between SIGTERM and SIGKILL in stop(); default 5 000. */
  stopTimeoutMs?: number;
}

/**
 * Runs a TypeScript entry point of the workspace as a separate Node process, with no build:
 * `node --conditions=@warmline/source -r register.cjs <entry>`. Workspace packages resolve to their
 * `src/`, compiled on load by @swc/core to CommonJS with inline source maps, so stack traces show
 * `.ts` lines. Use it where a test must kill and restart a service, or follow a message (and its
 * trace) across processes; wait for readiness with {@link waitForOutput}.
 */
export const startTsProcess = (
  entryFile: string,
  options: TsProcessOptions = {},
): ManagedProcess => {
  const cwd = options.cwd ?? process.cwd();
  const entry = path.resolve(cwd, entryFile);
  if (!existsSync(entry)) throw new ProcessStartError(entry, 'no such file');
  const args = [
    '--conditions=@warmline/source',
    '-r',
    registerHookPath,
    ...(options.nodeArgs ?? []),
    entry,
    ...(options.args ?? []),
  ];
  return startProcess(process.execPath, args, {
    cwd,
    env: { ...process.env, ...options.env },
    stopTimeoutMs: options.stopTimeoutMs,
  });
};
