import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { RecognizerUnavailableError } from '../../errors';
import { restartDelayMs } from '../backoff';
import { parseSidecarLine, type SidecarMessage } from './sidecarProtocol';
import { sidecarArgs, type SidecarOptions } from './sidecarOptions';

/** Lifecycle of the sidecar process. */
export type SidecarState = 'idle' | 'starting' | 'ready' | 'restarting' | 'stopped';

/** What the sidecar tells its owner. */
export interface SidecarListener {
  message(message: SidecarMessage): void;
  /** The process ended unexpectedly (a restart follows) or a line could not be parsed. */
  failure(error: RecognizerUnavailableError): void;
}

/** A run counts as healthy, and resets the backoff, after this long. */
const HEALTHY_AFTER_MS = 30_000;
const STDERR_KEEP = 4_096;
/** `start()` gives up (the process keeps being restarted) after this many failed runs. */
const START_ATTEMPTS = 3;

/**
 * The managed pocketsphinx child process: started in its own process group,
 * ready once it prints `ready`, restarted with exponential backoff when it
 * dies, stopped by PID (SIGTERM, then SIGKILL). Writes are bounded: when the
 * stdin pipe holds more than {@link SidecarOptions.maxPendingBytes}, `send`
 * refuses instead of buffering without limit.
 */
export class SidecarProcess {
  private child: ChildProcessWithoutNullStreams | undefined;
  private current: SidecarState = 'idle';
  private failures = 0;
  private startedAt = 0;
  private stderr = '';
  private restartTimer: NodeJS.Timeout | undefined;
  private readyWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    private readonly options: SidecarOptions,
    private readonly listener: SidecarListener,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): SidecarState {
    return this.current;
  }

  /** The running process's PID, if any. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process (if idle) and resolves once it is ready. */
  start(): Promise<void> {
    if (this.current === 'ready') return Promise.resolve();
    if (this.current === 'stopped')
      return Promise.reject(this.unavailable('the sidecar was stopped', false));
    const ready = new Promise<void>((resolve, reject) =>
      this.readyWaiters.push({ resolve, reject }),
    );
    if (this.current === 'idle') this.spawn();
    return ready;
  }

  /** Writes one framed message; false when not ready or the pipe is over its bound. */
  send(message: Buffer, droppable: boolean): boolean {
    const child = this.child;
    if (this.current !== 'ready' || !child) return false;
    if (droppable && child.stdin.writableLength > this.options.maxPendingBytes) return false;
    child.stdin.write(message);
    return true;
  }

  /** Stops the process (SIGTERM to its group, SIGKILL after the grace) and never restarts it. */
  async stop(): Promise<void> {
    this.current = 'stopped';
    clearTimeout(this.restartTimer);
    this.rejectWaiters(this.unavailable('the sidecar was stopped', false));
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin.end();
    this.signal(child.pid, 'SIGTERM');
    const timer = setTimeout(() => this.signal(child.pid, 'SIGKILL'), this.options.stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): void {
    this.current = this.failures === 0 ? 'starting' : 'restarting';
    this.stderr = '';
    this.startedAt = this.now();
    const child = spawn(this.options.python, sidecarArgs(this.options), {
      stdio: 'pipe',
      detached: true,
    });
    this.child = child;
    const readyTimer = setTimeout(() => {
      if (this.child === child && this.current !== 'ready') this.signal(child.pid, 'SIGKILL');
    }, this.options.readyTimeoutMs);
    child.on('error', () => undefined); // ENOENT and friends surface as an exit below
    child.stdin.on('error', () => undefined); // EPIPE when it died; the exit handler reports
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_KEEP);
    });
    createInterface({ input: child.stdout }).on('line', (line) => this.onLine(line));
    child.once('close', (code, signal) => {
      clearTimeout(readyTimer);
      if (this.child === child) this.onExit(code, signal);
    });
  }

  private onLine(line: string): void {
    let message: SidecarMessage;
    try {
      message = parseSidecarLine(line);
    } catch (cause) {
      this.listener.failure(this.unavailable('the sidecar broke its protocol', true, cause));
      return;
    }
    if (message.type === 'ready') {
      this.current = 'ready';
      const waiters = this.readyWaiters.splice(0);
      for (const waiter of waiters) waiter.resolve();
    }
    this.listener.message(message);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.child = undefined;
    if (this.current === 'stopped') return;
    if (this.now() - this.startedAt >= HEALTHY_AFTER_MS) this.failures = 0;
    this.failures += 1;
    const how = signal ? `signal ${signal}` : `code ${String(code)}`;
    const error = this.unavailable(
      `the sidecar exited (${how}): ${this.stderr.trim().slice(-500)}`,
      true,
    );
    this.current = 'restarting';
    this.listener.failure(error);
    if (this.failures >= START_ATTEMPTS) this.rejectWaiters(error);
    const delay = restartDelayMs(
      this.failures,
      this.options.restartBaseMs,
      this.options.restartMaxMs,
    );
    this.restartTimer = setTimeout(() => this.spawn(), delay);
    this.restartTimer.unref();
  }

  private rejectWaiters(error: Error): void {
    for (const waiter of this.readyWaiters.splice(0)) waiter.reject(error);
  }

  private signal(pid: number | undefined, signal: NodeJS.Signals): void {
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }

  private unavailable(
    message: string,
    retryable: boolean,
    cause?: unknown,
  ): RecognizerUnavailableError {
    return new RecognizerUnavailableError(message, 'pocketsphinx', retryable, { cause });
  }
}
