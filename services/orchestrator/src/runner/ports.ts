import type {
  CallCommand,
  CallEvent,
  EscalationEvent,
  EscalationTimerScheduled,
  RecordVoicemailRequest,
  RecordVoicemailResponse,
  SaveContextRequest,
  SaveContextResponse,
  SpeakRequest,
} from '@warmline/contracts';

/**
 * Where the saga's effects go. Every receiver is idempotent by the id the message carries
 * (request id, utterance id, command id, timer id), so dispatching an effect again is safe.
 */
export interface EffectPorts {
  /** Request/reply to context-store; it also publishes `ContextSaved`. */
  saveContext(request: SaveContextRequest): Promise<SaveContextResponse>;
  /** The tts work queue; the gateway reports `AgentSpeechPlayed` once it has played. */
  speak(request: SpeakRequest): Promise<void>;
  /** The call-control work queue; outcomes come back as call events. */
  sendCallCommand(command: CallCommand): Promise<void>;
  /** Arms a durable timer; it comes back as a fired timer input, whatever happens to this process. */
  scheduleTimer(callId: string, timer: EscalationTimerScheduled): Promise<void>;
  /** Disarms a timer (a firing that races the cancel is recorded as stale by the saga). */
  cancelTimer(callId: string, timerId: string): Promise<void>;
  /** Request/reply to the stt replica that owns the call; it reports `VoicemailRecorded`. */
  recordVoicemail(request: RecordVoicemailRequest): Promise<RecordVoicemailResponse>;
}

/** The saga's own stream of one call, and appends to it at an expected version. */
export interface SagaStreamPort {
  read(callId: string): Promise<{ readonly events: EscalationEvent[]; readonly version: number }>;
  /** @returns whether the events were all stored already (a retried append). */
  append(
    callId: string,
    events: readonly EscalationEvent[],
    expectedVersion: number,
  ): Promise<boolean>;
}

/** Reads a call's events (call-control's stream), oldest first. */
export interface CallStreamPort {
  read(callId: string): Promise<CallEvent[]>;
}
