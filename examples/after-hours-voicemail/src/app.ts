import {
  type SpeechRecognizer,
  type SpeechSynthesizer,
  isHangUp,
  sendLine,
} from '@warmline/example-kit';
import {
  type ActiveCall,
  CallCommandError,
  type WarmlineClient,
  type WarmlineLogger,
  events,
} from '@warmline/sdk';
import { type BusinessHours, isOpen } from './domain/businessHours';
import type { MessageRecorderOptions } from './domain/messageRecorder';
import {
  DEFAULT_LINES,
  type VoicemailLines,
  type VoicemailNotifier,
  type VoicemailStore,
} from './domain/voicemail';
import { recordMessage } from './recordMessage';

/** What {@link runVoicemail} needs. */
export interface VoicemailDeps {
  readonly client: WarmlineClient;
  readonly recognizer: SpeechRecognizer;
  readonly synthesizer: SpeechSynthesizer;
  readonly store: VoicemailStore;
  readonly hours: BusinessHours;
  /** Optional: told about each saved voicemail; its failure is logged, never the caller's. */
  readonly notify?: VoicemailNotifier;
  /** Default `() => new Date()`. */
  readonly clock?: () => Date;
  /** The client's sample rate; default 16 000. */
  readonly sampleRate?: number;
  /** How long a business-hours call rings the callee; default 30 s. */
  readonly ringTimeSeconds?: number;
  readonly lines?: VoicemailLines;
  readonly recording?: Partial<MessageRecorderOptions>;
  readonly logger?: WarmlineLogger;
}

/** What happened to one call. */
export type VoicemailOutcome = 'connected' | 'voicemail' | 'hung-up';

/**
 * One call. In business hours: `connect()` before answering (the caller hears ringing, then the
 * callee) and `close()`. If nobody answers, or after hours: answer, play the prompt, record until
 * the caller stops or hangs up, transcribe, store with the call, notify, say goodbye, disconnect.
 */
export async function handleCall(call: ActiveCall, deps: VoicemailDeps): Promise<VoicemailOutcome> {
  const lines = deps.lines ?? DEFAULT_LINES;
  try {
    if (isOpen(deps.hours, (deps.clock ?? (() => new Date()))())) {
      try {
        await call.connect({ ringTimeSeconds: deps.ringTimeSeconds ?? 30 });
        await call.close();
        return 'connected';
      } catch (error) {
        if (!(error instanceof CallCommandError)) throw error; // nobody answered: voicemail
      }
    }
    await call.answer();
    const prompt = sendLine(call, deps.synthesizer, lines.prompt);
    const recorder = await recordMessage(call, deps.sampleRate ?? 16_000, prompt, deps.recording);
    await prompt.catch(() => undefined);
    const transcript = recorder.hasSpeech
      ? (await deps.recognizer.transcribe(recorder.message())).text
      : '';
    if (recorder.hasSpeech) {
      const voicemail = {
        callId: call.callId,
        callerNumber: call.callerNumber,
        connectorId: call.connectorId,
        transcript,
        durationMs: recorder.durationMs,
        receivedAt: new Date(),
      };
      await deps.store.save(voicemail);
      await deps.notify?.(voicemail).catch((error: unknown) => {
        deps.logger?.warn('voicemail notification failed', {
          callId: call.callId,
          error: String(error),
        });
      });
    }
    if (call.state === 'DISCONNECTED') return 'hung-up';
    await sendLine(call, deps.synthesizer, recorder.hasSpeech ? lines.goodbye : lines.nothingHeard);
    await call.disconnect();
    return 'voicemail';
  } catch (error) {
    if (isHangUp(error, call)) return 'hung-up';
    throw error;
  }
}

/** Registers the voicemail handler on `deps.client`; returns a function that removes it. */
export function runVoicemail(deps: VoicemailDeps): () => void {
  const onCall = async (call: ActiveCall): Promise<void> => {
    try {
      const outcome = await handleCall(call, deps);
      deps.logger?.info('voicemail call handled', { callId: call.callId, outcome });
    } catch (error) {
      deps.logger?.error('voicemail call failed', { callId: call.callId, error: String(error) });
      if (call.state !== 'DISCONNECTED') await call.disconnect().catch(() => undefined);
    }
  };
  deps.client.on(events.INCOMING_CALL, onCall);
  return () => void deps.client.off(events.INCOMING_CALL, onCall);
}
