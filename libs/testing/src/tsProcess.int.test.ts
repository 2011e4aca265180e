import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CallEvent } from '@warmline/contracts';
import { ProcessExitedError, ProcessStartError } from './errors';
import type { ManagedProcess } from './process';
import { startTsProcess, type TsProcessOptions } from './tsProcess';
import { waitFor } from './waitFor';
import { waitForOutput } from './waitForOutput';

const fixture = (name: string) => path.join(__dirname, '__fixtures__', name);

/** True while `pid` runs (a zombie waiting for a parent that does not reap it counts as ended). */
const isRunning = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
};

describe('startTsProcess', () => {
  const started: ManagedProcess[] = [];
  const start = (entry: string, options?: TsProcessOptions) => {
    const proc = startTsProcess(entry, options);
    started.push(proc);
    return proc;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((proc) => proc.stop()));
  });

  it('runs a TypeScript entry that imports @warmline/contracts from source, in its own process', async () => {
    const proc = start(fixture('printCallEvent.ts'), {
      args: ['call-42'],
      env: { FIXTURE_GREETING: 'hello' },
    });

    const ready = await waitForOutput(proc, /^ready pid=(\d+) greeting=(\w*)$/);
    expect(Number(ready[1])).toBe(proc.pid);
    expect(proc.pid).not.toBe(process.pid);
    expect(ready[2]).toBe('hello');

    const [, json = ''] = await waitForOutput(proc, /^event (.*)$/);
    expect(JSON.parse(json)).toEqual({
      eventId: 'evt-1',
      callId: 'call-42',
      occurredAt: '2025-01-01T00:00:00.000Z',
      causationId: 'cmd-1',
      correlationId: 'call-42',
      answered: {},
    });
    // The bytes it encoded decode here to the same message: one contract on both sides.
    const [, base64 = ''] = await waitForOutput(proc, /^bytes (.*)$/);
    expect(CallEvent.decode(Buffer.from(base64, 'base64'))).toEqual({
      eventId: 'evt-1',
      callId: 'call-42',
      occurredAt: new Date('2025-01-01T00:00:00.000Z'),
      causationId: 'cmd-1',
      correlationId: 'call-42',
      payload: { $case: 'answered', value: {} },
    });
  });

  it('stop() sends SIGTERM and resolves once the process has ended', async () => {
    const proc = start(fixture('printCallEvent.ts'));
    await waitForOutput(proc, /^ready/);
    expect(isRunning(proc.pid)).toBe(true);

    await proc.stop();

    expect(proc.lines().map((line) => line.text)).toContain('stopping on SIGTERM');
    expect(proc.exitStatus()).toEqual({ code: 0, signal: null });
    expect(isRunning(proc.pid)).toBe(false);
  });

  it('stop() kills a process that ignores SIGTERM', async () => {
    const proc = start(fixture('ignoreSigterm.ts'), { stopTimeoutMs: 300 });
    await waitForOutput(proc, /^ready$/);

    await proc.stop();

    expect(proc.exitStatus()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(isRunning(proc.pid)).toBe(false);
  });

  it('reports a process that dies before the awaited line, with its stack trace in .ts lines', async () => {
    const proc = start(fixture('throwAtStartup.ts'));

    const error = await waitForOutput(proc, /^ready/).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(ProcessExitedError);
    const exited = error as ProcessExitedError;
    expect(exited.exit.code).toBe(1);
    expect(exited.output).toContain('fixture failed on purpose');
    expect(exited.output).toMatch(/throwAtStartup\.ts:3:\d+/);
  });

  it('kills what a process started but did not stop when that process exits', async () => {
    const proc = start(fixture('exitWithoutStop.ts'));
    const [, pid = ''] = await waitForOutput(proc, /^child (\d+)$/);
    const orphan = Number(pid);

    expect(await proc.exited).toEqual({ code: 0, signal: null });
    try {
      await waitFor(() => (isRunning(orphan) ? undefined : true), {
        describe: () => `process ${orphan} to be killed`,
      });
    } finally {
      if (isRunning(orphan)) process.kill(orphan, 'SIGKILL'); // do not leak it if the hook failed
    }
  });

  it('refuses an entry file that does not exist', () => {
    expect(() => startTsProcess(fixture('missing.ts'))).toThrow(ProcessStartError);
  });
});
