/** Thrown by {@link waitFor} when its condition does not hold in time. */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
  constructor(
    readonly waitingFor: string,
    readonly timeoutMs: number,
  ) {
    super(`timed out after ${timeoutMs} ms waiting for ${waitingFor}`);
  }
}

/** Thrown when a program cannot be spawned at all (missing file, permissions). */
export class ProcessStartError extends Error {
  override readonly name = 'ProcessStartError';
  constructor(
    readonly command: string,
    readonly reason = 'spawn failed',
  ) {
    super(`could not start ${command}: ${reason}`);
  }
}

/** How a child process ended: an exit code, or the signal that killed it. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Thrown when a process ends before it did what the caller waited for. */
export class ProcessExitedError extends Error {
  override readonly name = 'ProcessExitedError';
  constructor(
    readonly command: string,
    readonly exit: ProcessExit,
    /** The tail of its stdout and stderr. */
    readonly output: string,
  ) {
    const how = exit.signal ? `signal ${exit.signal}` : `code ${String(exit.code)}`;
    super(`${command} exited (${how}) before it was ready; output:\n${output}`);
  }
}
