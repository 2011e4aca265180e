import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWav } from '@warmline/audio';
import { ProcessExitedError } from '../errors';
import { type ManagedProcess, startProcess } from '../process';
import { waitFor } from '../waitFor';
import { type BaresipConfigOptions, writeBaresipConfig } from './baresipConfig';
import { baresipPorts } from './baresipPorts';
import { NetstringDecoder, encodeNetstring } from './netstring';

/** One event from ctrl_tcp (`{"event":true,"class":"call","type":"CALL_ESTABLISHED",...}`). */
export interface BaresipEvent {
  readonly class: string;
  readonly type: string;
  /** The SIP Call-ID of the call, when the event is about one. */
  readonly id?: string;
  readonly param?: string;
  readonly peeruri?: string;
  readonly direction?: string;
  /** When it arrived (Date.now()). */
  readonly at: number;
}

/** A ctrl_tcp reply. */
export interface BaresipResponse {
  readonly ok: boolean;
  readonly data: string;
}

/** What a call sent and received, read from sndfile's WAVs (8 kHz mono). */
export interface BaresipRecording {
  /** What this side sent. */
  readonly sent: Int16Array;
  /** What this side heard. */
  readonly heard: Int16Array;
  readonly rate: number;
}

/** Options of {@link Baresip.start}. */
export type BaresipOptions = Omit<BaresipConfigOptions, 'sipPort' | 'ctrlPort'>;

/**
 * A real baresip 1.0.0 process on loopback, driven over ctrl_tcp (netstring JSON): config and
 * accounts in a temp dir, free ports, an event log, dial / hangup / accept, the sndfile
 * recordings after a call closed, and TERM-TERM-KILL shutdown by PID.
 */
export class Baresip {
  readonly events: BaresipEvent[] = [];
  private readonly pending = new Map<string, (r: BaresipResponse) => void>();
  private token = 0;

  private constructor(
    readonly proc: ManagedProcess,
    private readonly socket: Socket,
    readonly dir: string,
    readonly recordingsDir: string,
    readonly sipPort: number,
    readonly user: string,
  ) {
    const decoder = new NetstringDecoder();
    socket.on('data', (chunk) => {
      for (const text of decoder.push(chunk)) this.message(text);
    });
    socket.on('error', () => undefined);
  }

  /** This instance's SIP URI (dial it to reach it). */
  get uri(): string {
    return `sip:${this.user}@127.0.0.1:${this.sipPort}`;
  }

  /** Starts baresip and connects to its control port (retries on a port race). */
  static async start(options: BaresipOptions): Promise<Baresip> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const { sipPort, ctrlPort } = await baresipPorts();
      const dir = mkdtempSync(path.join(tmpdir(), 'baresip-'));
      const recordings = writeBaresipConfig(dir, { ...options, sipPort, ctrlPort });
      const proc = startProcess('baresip', ['-f', dir], { stopTimeoutMs: 1_000 });
      try {
        await waitFor(
          () => {
            if (proc.exitStatus() !== undefined)
              throw new ProcessExitedError('baresip', proc.exitStatus()!, proc.output());
            return proc.output().includes('baresip is ready') ? true : undefined;
          },
          { timeoutMs: 10_000, describe: () => `baresip ready (output: ${proc.output()})` },
        );
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: '127.0.0.1', port: ctrlPort }, () => resolve(s));
          s.once('error', reject);
        });
        return new Baresip(proc, socket, dir, recordings, sipPort, options.user);
      } catch (error) {
        lastError = error;
        await proc.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    throw lastError;
  }

  /** Sends a command and waits for its reply (`ok` says little: judge by events). */
  command(command: string, params = ''): Promise<BaresipResponse> {
    const token = String(++this.token);
    const reply = new Promise<BaresipResponse>((resolve) => this.pending.set(token, resolve));
    this.socket.write(encodeNetstring(JSON.stringify({ command, params, token })));
    return reply;
  }

  dial(uri: string): Promise<BaresipResponse> {
    return this.command('dial', uri);
  }

  hangup(): Promise<BaresipResponse> {
    return this.command('hangup');
  }

  accept(): Promise<BaresipResponse> {
    return this.command('accept');
  }

  /** Sends an RFC 4733 digit on the current call. */
  sendDigit(digit: string): Promise<BaresipResponse> {
    return this.command('sndcode', digit);
  }

  /** Events of a type seen so far. */
  seen(type: string): BaresipEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  /** Waits for the `n`th event of a type (1-based, counting from the start). */
  waitForEvent(type: string, timeoutMs = 10_000, n = 1): Promise<BaresipEvent> {
    return waitFor(
      () => {
        if (this.proc.exitStatus() !== undefined)
          throw new ProcessExitedError('baresip', this.proc.exitStatus()!, this.proc.output());
        return this.seen(type)[n - 1];
      },
      {
        timeoutMs,
        describe: () =>
          `baresip ${this.user} event ${type} #${n} (saw ${this.events.map((e) => `${e.type}:${e.param ?? ''}`).join(', ')})`,
      },
    );
  }

  /**
   * The newest call's recordings (read them after CALL_CLOSED: the WAV header is written
   * when the call closes).
   */
  recording(): BaresipRecording {
    const files = readdirSync(this.recordingsDir)
      .filter((f) => f.endsWith('.wav'))
      .map((f) => ({ f, t: statSync(path.join(this.recordingsDir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .map((x) => x.f);
    const pick = (suffix: string): Int16Array => {
      const name = files.find((f) => f.endsWith(suffix));
      if (!name) throw new Error(`no ${suffix} recording in ${this.recordingsDir}`);
      return readWav(readFileSync(path.join(this.recordingsDir, name))).samples;
    };
    return { sent: pick('-enc.wav'), heard: pick('-dec.wav'), rate: 8000 };
  }

  /**
   * Stops baresip: SIGTERM (it hangs up and closes its WAVs), again after 1 s if a
   * transaction keeps it waiting, then SIGKILL; removes the temp dir.
   */
  async stop(): Promise<void> {
    this.socket.destroy();
    const { proc } = this;
    for (const wait of [1_000, 1_000]) {
      if (proc.exitStatus() !== undefined) break;
      try {
        process.kill(proc.pid, 'SIGTERM');
      } catch {
        break;
      }
      await Promise.race([proc.exited, new Promise((r) => setTimeout(r, wait))]);
    }
    await proc.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private message(text: string): void {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    if (parsed.response === true) {
      const token = str(parsed.token) ?? '';
      const resolve = this.pending.get(token);
      this.pending.delete(token);
      resolve?.({ ok: parsed.ok === true, data: str(parsed.data) ?? '' });
      return;
    }
    if (parsed.event !== true || parsed.type === 'CALL_RTCP') return;
    this.events.push({
      class: str(parsed.class) ?? '',
      type: str(parsed.type) ?? '',
      id: str(parsed.id),
      param: str(parsed.param),
      peeruri: str(parsed.peeruri),
      direction: str(parsed.direction),
      at: Date.now(),
    });
  }
}
