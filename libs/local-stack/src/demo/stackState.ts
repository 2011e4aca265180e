import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where a running demo stack can be reached, for `pnpm context`. */
export interface StackState {
  readonly contextGrpcAddress: string;
  readonly deskUrl?: string;
  readonly pid: number;
}

/** The file the running demo writes (removed when it stops). */
export const stackStateFile = (): string => path.join(tmpdir(), 'warmline-local-stack.json');

export const writeStackState = (state: StackState): void =>
  writeFileSync(stackStateFile(), JSON.stringify(state));

export const clearStackState = (): void => rmSync(stackStateFile(), { force: true });

/** The running demo's state, or undefined when none runs. */
export const readStackState = (): StackState | undefined => {
  try {
    const state = JSON.parse(readFileSync(stackStateFile(), 'utf8')) as StackState;
    process.kill(state.pid, 0); // still running?
    return state;
  } catch {
    return undefined;
  }
};
