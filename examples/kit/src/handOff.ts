import { type ActiveCall, CallCommandError } from '@warmline/sdk';
import type { SpeechSynthesizer } from './engines/speechSynthesizer';
import { sendLine } from './sendLine';

/** Options of {@link handOff}. */
export interface HandOffOptions {
  /** Said to the caller before ringing (skipped when empty). */
  readonly line: string;
  /** Said when nobody answers, before hanging up. */
  readonly unansweredLine: string;
  /** Default 30. */
  readonly ringTimeSeconds?: number;
  /** Passed to the callee leg (e.g. a customer id or a queue). */
  readonly handoffData?: Record<string, string>;
}

/**
 * The seed's handoff: say the line, `connect()` the connector's callee, then `close()` so the
 * caller and callee stay together without the AI. When the callee does not answer (busy,
 * unanswered, unreachable), apologise and `disconnect()`. Resolves with what happened.
 */
export async function handOff(
  call: ActiveCall,
  synthesizer: SpeechSynthesizer,
  options: HandOffOptions,
): Promise<'connected' | 'unanswered'> {
  if (options.line) await sendLine(call, synthesizer, options.line);
  try {
    await call.connect({
      ringTimeSeconds: options.ringTimeSeconds ?? 30,
      handoffData: options.handoffData,
    });
  } catch (error) {
    if (!(error instanceof CallCommandError)) throw error;
    await sendLine(call, synthesizer, options.unansweredLine);
    await call.disconnect();
    return 'unanswered';
  }
  await call.close();
  return 'connected';
}
