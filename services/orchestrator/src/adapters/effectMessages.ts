import type {
  CallCommand,
  EscalationTimerScheduled,
  RecordVoicemailRequest,
  SaveContextRequest,
  SpeakRequest,
} from '@warmline/contracts';
import type {
  RecordVoicemailEffect,
  SaveContextEffect,
  ScheduleTimerEffect,
  SpeakEffect,
} from '../domain/escalation';

/** A command for call-control: what, and what caused it (the input the saga decided on). */
export interface CommandMessage {
  readonly commandId: string;
  readonly callId: string;
  readonly payload: NonNullable<CallCommand['payload']>;
  readonly causationId: string;
  readonly issuedAtMs: number;
}

/** context.proto `SaveContextRequest`, idempotent by request id. */
export const toSaveContextRequest = (effect: SaveContextEffect): SaveContextRequest => ({
  requestId: effect.requestId,
  callId: effect.callId,
  reason: effect.reason,
  summary: effect.summary,
  callerNumber: effect.callerNumber,
  voicemailRecordingId: effect.voicemailRecordingId ?? '',
});

/** conversation.proto `SpeakRequest`; the utterance id is also the request id and `Nats-Msg-Id`. */
export const toSpeakRequest = (effect: SpeakEffect, issuedAtMs: number): SpeakRequest => ({
  requestId: effect.utteranceId,
  callId: effect.callId,
  utteranceId: effect.utteranceId,
  text: effect.text,
  voice: '', // tts's default voice and rate
  sampleRate: 0,
  cacheable: effect.cacheable,
  issuedAtMs,
  calleeOnly: effect.audience === 'callee',
});

/** call.proto `CallCommand`, idempotent by command id; correlated by the call. */
export const toCallCommand = (message: CommandMessage): CallCommand => ({
  commandId: message.commandId,
  callId: message.callId,
  issuedAt: new Date(message.issuedAtMs),
  causationId: message.causationId,
  correlationId: message.callId,
  payload: message.payload,
});

/** The body of a timer's schedule, and of the message it fires. */
export const toTimerMessage = (effect: ScheduleTimerEffect): EscalationTimerScheduled => ({
  timerId: effect.timerId,
  dueAtMs: effect.dueAtMs,
  purpose: effect.purpose,
});

/** conversation.proto `RecordVoicemailRequest`, idempotent by recording id. */
export const toRecordVoicemailRequest = (
  effect: RecordVoicemailEffect,
): RecordVoicemailRequest => ({
  recordingId: effect.recordingId,
  callId: effect.callId,
  maxDurationSeconds: effect.maxDurationSeconds,
});
