import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeWav } from '@warmline/audio';
import { Baresip, type BaresipEvent, type BaresipRecording, waitFor } from '@warmline/testing';
import type { CallerLine } from '../call/scriptedCall';

/** baresip's aufile source ends the call when its file ends: every file ends in this much quiet. */
const QUIET_TAIL_S = 180;
const RATE = 8000;

/** A line of a {@link SipPhone}'s call could not be played. */
export class SipPhoneError extends Error {
  override readonly name = 'SipPhoneError';
}

/**
 * A real SIP phone: a baresip process on loopback (G.711 μ-law, 20 ms), playing what it is told
 * to say through its `aufile` source (switched per line with the `ausrc` command, quiet in
 * between) and recording what it sends and hears (sndfile, 8 kHz mono). Used as the caller
 * (`dial`, `say`, `hangUp`) or, with `answer: 'auto'`, as the human's line that `connect()` rings.
 */
export class SipPhone implements CallerLine {
  private lines = 0;

  private constructor(
    readonly baresip: Baresip,
    private readonly dir: string,
  ) {}

  /** Starts baresip as `sip:<user>@127.0.0.1:<free port>`, quiet until told to say something. */
  static async start(user: string, answer: 'auto' | 'manual'): Promise<SipPhone> {
    const dir = mkdtempSync(path.join(tmpdir(), 'warmline-sip-phone-'));
    const quiet = path.join(dir, 'quiet.wav');
    writeFileSync(quiet, writeWav(new Int16Array(QUIET_TAIL_S * 2 * RATE), RATE));
    try {
      const baresip = await Baresip.start({
        user,
        source: { kind: 'file', path: quiet },
        answerMode: answer,
      });
      return new SipPhone(baresip, dir);
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }

  /** This phone's SIP URI. */
  get uri(): string {
    return this.baresip.uri;
  }

  /** Dials `uri`; resolves with the call's SIP Call-ID (the gateway's carrier call id). */
  async dial(uri: string): Promise<string> {
    const before = this.baresip.events.length;
    await this.baresip.dial(uri);
    const event = await waitFor(
      () => this.baresip.events.slice(before).find((e) => e.class === 'call' && e.id),
      { timeoutMs: 10_000, describe: () => `a call event with a Call-ID after dialling ${uri}` },
    );
    return event.id!;
  }

  /** Waits for a baresip call event (`CALL_INCOMING`, `CALL_ESTABLISHED`, `CALL_CLOSED`…). */
  waitForEvent(type: string, timeoutMs = 10_000): Promise<BaresipEvent> {
    return this.baresip.waitForEvent(type, timeoutMs);
  }

  /**
   * Says `samples` (8 kHz PCM) on the current call: the source switches to a file of the speech
   * followed by quiet; resolves once the speech has been sent.
   */
  async say(samples: Int16Array): Promise<void> {
    const file = path.join(this.dir, `line-${++this.lines}.wav`);
    const all = new Int16Array(samples.length + QUIET_TAIL_S * RATE);
    all.set(samples);
    writeFileSync(file, writeWav(all, RATE));
    const reply = await this.baresip.command('ausrc', `aufile,${file}`);
    if (!reply.ok) throw new SipPhoneError(`baresip could not switch its source: ${reply.data}`);
    await new Promise((resolve) => setTimeout(resolve, (samples.length / RATE) * 1000));
  }

  /** Hangs up the current call and waits until baresip closed it (its recordings are complete). */
  async hangUp(): Promise<void> {
    const closed = this.baresip.seen('CALL_CLOSED').length;
    if (
      this.baresip.seen('CALL_ESTABLISHED').length + this.baresip.seen('CALL_OUTGOING').length ===
      0
    )
      return;
    await this.baresip.hangup();
    await this.baresip.waitForEvent('CALL_CLOSED', 10_000, closed + 1).catch(() => undefined);
  }

  /** The newest call's recordings (after CALL_CLOSED). */
  recording(): BaresipRecording {
    return this.baresip.recording();
  }

  /** Copies the newest call's recordings (`*-dec.wav` heard, `*-enc.wav` sent) into `dir`. */
  keepRecordings(dir: string): { heard?: string; sent?: string } {
    const files = readdirSync(this.baresip.recordingsDir).filter((f) => f.endsWith('.wav'));
    const kept: { heard?: string; sent?: string } = {};
    for (const [kind, suffix] of [
      ['heard', '-dec.wav'],
      ['sent', '-enc.wav'],
    ] as const) {
      const name = files
        .filter((f) => f.endsWith(suffix))
        .sort()
        .at(-1);
      if (!name) continue;
      const to = path.join(dir, `${this.baresip.user}-${kind}.wav`);
      copyFileSync(path.join(this.baresip.recordingsDir, name), to);
      kept[kind] = to;
    }
    return kept;
  }

  /** Stops baresip (by PID) and removes its files. */
  async stop(): Promise<void> {
    await this.baresip.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
