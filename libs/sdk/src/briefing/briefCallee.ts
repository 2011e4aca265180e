import { setTimeout as sleep } from 'node:timers/promises';
import type { ActiveCall } from '../call/activeCall';
import {
  type BriefingTextOptions,
  type CallBriefing,
  DEFAULT_BRIEFING_TEXT,
  briefingText,
} from '@warmline/handoff';
import { CallCommandError, CallCommandTimeoutError } from '../errors/callErrors';

/** The part of {@link ActiveCall} the briefing uses. */
export type BriefableCall = Pick<
  ActiveCall,
  'callId' | 'state' | 'whisper' | 'sendAudio' | 'getSendAudioBufferSize' | 'close'
>;

/** Options of {@link briefCallee}. */
export interface BriefCalleeOptions {
  /** Turns the briefing line into PCM16 at the client's sample rate (your TTS). */
  readonly speak: (text: string) => Promise<Uint8Array>;
  /** Brief at all; when false the AI just leaves. Default true. */
  readonly enabled?: boolean;
  /** Template and summary length; default {@link DEFAULT_BRIEFING_TEXT}. */
  readonly text?: BriefingTextOptions;
  /**
   * After the SDK's buffer has drained, how long to wait for the platform to play what it
   * already pulled before leaving (ms); default 600.
   */
  readonly playoutMs?: number;
  /** How often the buffer is checked while the briefing plays (ms); default 50. */
  readonly pollMs?: number;
}

/** What {@link briefCallee} did. */
export interface BriefingOutcome {
  /** Whether the callee was briefed (false when disabled or WHISPER was refused). */
  readonly briefed: boolean;
  /** The line, whether or not it was spoken. */
  readonly text: string;
}

/**
 * The warm-transfer briefing: on a CONNECTED call, after the callee answered and before the AI
 * leaves, switch to WHISPER (the callee hears the agent, the caller does not), speak a short
 * summary (reason, caller's name, what was tried), wait until it has played, then `close()` so
 * caller and callee stay together. If WHISPER is refused or times out the briefing is skipped and
 * the AI still leaves, so a transfer never hangs on it. A caller hanging up meanwhile surfaces as
 * the command's `CallClosedError` / `BufferClosedError`.
 */
export async function briefCallee(
  call: BriefableCall,
  briefing: CallBriefing,
  options: BriefCalleeOptions,
): Promise<BriefingOutcome> {
  const text = briefingText(briefing, options.text ?? DEFAULT_BRIEFING_TEXT);
  const briefed =
    options.enabled !== false && (await whisper(call)) && (await speak(call, text, options));
  await call.close();
  return { briefed, text };
}

async function whisper(call: BriefableCall): Promise<boolean> {
  try {
    await call.whisper();
    return true;
  } catch (error) {
    if (error instanceof CallCommandError || error instanceof CallCommandTimeoutError) return false;
    throw error;
  }
}

async function speak(
  call: BriefableCall,
  text: string,
  options: BriefCalleeOptions,
): Promise<boolean> {
  const { pollMs = 50, playoutMs = 600 } = options;
  await call.sendAudio(await options.speak(text));
  while (call.state === 'CONNECTED' && call.getSendAudioBufferSize() > 0) await sleep(pollMs);
  if (playoutMs > 0) await sleep(playoutMs);
  return true;
}
