import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pcmFromBytes, writeWav } from '@warmline/audio';
import { Baresip } from '@warmline/testing';
import { FliteSynthesizer } from '../engines/fliteSynthesizer';

/** One part of what a SIP caller plays: quiet, or a line spoken by flite. */
export type ScriptPart = { readonly quietMs: number } | { readonly say: string };

/**
 * Writes a caller's whole call as an 8 kHz WAV for baresip's `aufile` source (baresip ends the
 * call when the file ends, so the script should end with enough quiet). Returns its path.
 */
export async function writeCallerScript(dir: string, name: string, parts: readonly ScriptPart[]) {
  const flite = new FliteSynthesizer({ sampleRate: 8000 });
  const chunks: Int16Array[] = [];
  for (const part of parts) {
    chunks.push(
      'say' in part
        ? pcmFromBytes(await flite.synthesize(part.say))
        : new Int16Array(part.quietMs * 8),
    );
  }
  const all = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  const file = path.join(dir, `${name}.wav`);
  writeFileSync(file, writeWav(all, 8000));
  return file;
}

/**
 * How the callee's phone takes a call: `answer` at once (default), `no-answer` (rings until the
 * gateway's ring timeout), `busy` (rejects with 486 Busy Here after a second of ringing).
 */
export type CalleeAnswer = 'answer' | 'no-answer' | 'busy';

/**
 * The SIP side of an end-to-end test: a callee (baresip `bob`, quiet; see {@link CalleeAnswer}) that
 * `connect()` rings, and callers (baresip, each playing a script) that dial the gateway.
 */
export class SipParties {
  private readonly callers: Baresip[] = [];

  private constructor(
    readonly callee: Baresip,
    private readonly dir: string,
  ) {}

  static async start(callee: CalleeAnswer = 'answer'): Promise<SipParties> {
    const dir = mkdtempSync(path.join(tmpdir(), 'warmline-example-sip-'));
    const quiet = await writeCallerScript(dir, 'callee-quiet', [{ quietMs: 120_000 }]);
    const phone = await Baresip.start({
      user: 'bob',
      source: { kind: 'file', path: quiet },
      answerMode: callee === 'answer' ? 'auto' : 'manual',
      // baresip answers an unanswered ringing call with 486 after call_local_timeout seconds
      callLocalTimeout: callee === 'busy' ? 1 : 0,
    });
    return new SipParties(phone, dir);
  }

  /** A caller that plays `script` once the call is up; call `dial` on it. */
  async caller(script: readonly ScriptPart[]): Promise<Baresip> {
    const file = await writeCallerScript(this.dir, `caller-${this.callers.length}`, script);
    const caller = await Baresip.start({
      user: `alice${this.callers.length}`,
      source: { kind: 'file', path: file },
      answerMode: 'manual',
    });
    this.callers.push(caller);
    return caller;
  }

  async stop(): Promise<void> {
    await Promise.all([this.callee, ...this.callers].map((b) => b.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
