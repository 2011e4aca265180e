import type { CallCommand, EscalationReason } from '@warmline/contracts';

/** The call-control commands the saga sends (it never answers a call). */
export type CallCommandPayload = Exclude<NonNullable<CallCommand['payload']>, { $case: 'answer' }>;

/** Store the call's context now, keyed by call id (context.proto `SaveContextRequest`). */
export interface SaveContextEffect {
  readonly kind: 'SaveContext';
  readonly requestId: string;
  readonly callId: string;
  readonly reason: EscalationReason;
  readonly summary: string;
  /** Empty when the saga never learnt it. */
  readonly callerNumber: string;
  /** Keep the caller's message with the context. */
  readonly voicemailRecordingId?: string;
}

/** Say a line (conversation.proto `SpeakRequest`, id = utterance id). */
export interface SpeakEffect {
  readonly kind: 'Speak';
  readonly utteranceId: string;
  readonly callId: string;
  readonly text: string;
  /**
   * `callee`: the briefing. It is issued only once the agent is confirmed in WHISPER mode, so the
   * caller never hears it; the gateway should also refuse callee-only audio in any other mode.
   */
  readonly audience: 'caller' | 'callee';
  /** A configured line, the same on every call: tts may cache it (the briefing is not). */
  readonly cacheable: boolean;
}

/** Send a call-control command (call.proto `CallCommand`, idempotent by command id). */
export interface SendCallCommandEffect {
  readonly kind: 'SendCallCommand';
  readonly commandId: string;
  readonly callId: string;
  readonly command: CallCommandPayload;
}

/** Arm a durable timer; its firing comes back as a `TimerFired` input with the same id. */
export interface ScheduleTimerEffect {
  readonly kind: 'ScheduleTimer';
  readonly timerId: string;
  readonly dueAtMs: number;
  /** A `TimerPurpose`, as recorded in the stream. */
  readonly purpose: string;
}

/** Disarm a timer whose step is over (a late firing is ignored anyway; this saves the work). */
export interface CancelTimerEffect {
  readonly kind: 'CancelTimer';
  readonly timerId: string;
}

/** Play a tone and record the caller's message (conversation.proto `RecordVoicemailRequest`). */
export interface RecordVoicemailEffect {
  readonly kind: 'RecordVoicemail';
  readonly recordingId: string;
  readonly callId: string;
  readonly maxDurationSeconds: number;
}

/** A side effect as data: the runner performs it, in list order, after appending the events. */
export type Effect =
  | SaveContextEffect
  | SpeakEffect
  | SendCallCommandEffect
  | ScheduleTimerEffect
  | CancelTimerEffect
  | RecordVoicemailEffect;

/** The id downstream de-duplicates an effect by. */
export const effectIdOf = (effect: Effect): string => {
  switch (effect.kind) {
    case 'SaveContext':
      return effect.requestId;
    case 'Speak':
      return effect.utteranceId;
    case 'SendCallCommand':
      return effect.commandId;
    case 'ScheduleTimer':
    case 'CancelTimer':
      return effect.timerId;
    case 'RecordVoicemail':
      return effect.recordingId;
    default: {
      const unreachable: never = effect;
      return unreachable;
    }
  }
};
