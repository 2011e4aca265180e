import { AgentMode, EscalationReason, TerminationReason } from '@warmline/contracts';
import type { CallCommandPayload, Effect } from '../effects';
import { type TimerPurpose } from '../effectIds';
import { type EscalationInput, timerFired } from '../inputs';

/** The call every scenario runs on. */
export const CALL_ID = 'call-1';
/** When every scenario starts (ms since epoch). */
export const T0 = 1_700_000_000_000;

/**
 * The ids the saga must produce, written out by hand (not computed with effectIds) so a change of
 * id scheme, which would break idempotency across a deploy, fails the tests.
 */
export const ids = {
  saveEscalation: 'call-1:save-context:escalation',
  saveFinal: 'call-1:save-context:final',
  saveVoicemail: 'call-1:save-context:voicemail',
  transition: 'call-1:utterance:transition',
  connect: 'call-1:command:connect',
  whisper: 'call-1:command:whisper',
  briefing: 'call-1:utterance:briefing',
  close: 'call-1:command:close',
  apology: 'call-1:utterance:apology',
  voicemail: 'call-1:voicemail',
  callbackConfirm: 'call-1:utterance:callback',
  disconnect: 'call-1:command:disconnect',
  timer: (purpose: TimerPurpose) => `call-1:timer:${purpose}`,
} as const;

/** Inputs, each with an id unique to its kind and time (pass `id` to make a distinct copy). */
export const input = {
  requested: (at = T0, callerName?: string): EscalationInput => ({
    kind: 'EscalationRequested',
    inputId: `requested@${at}`,
    nowMs: at,
    reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
    detail: 'caller said: a human please',
    summary: 'Wants to dispute a double charge; refund policy explained twice.',
    callerNumber: '+15550100',
    ...(callerName === undefined ? {} : { callerName }),
  }),
  agentFinished: (at: number): EscalationInput => ({
    kind: 'AgentFinished',
    inputId: `agent-finished@${at}`,
    nowMs: at,
  }),
  contextSaved: (at: number, requestId: string = ids.saveEscalation): EscalationInput => ({
    kind: 'ContextSaved',
    inputId: `context-saved@${at}`,
    nowMs: at,
    requestId,
    contextId: 'ctx-1',
  }),
  contextSaveFailed: (at: number): EscalationInput => ({
    kind: 'ContextSaveFailed',
    inputId: `context-save-failed@${at}`,
    nowMs: at,
    requestId: ids.saveEscalation,
    errorCode: 'UNAVAILABLE',
  }),
  played: (utteranceId: string, at: number, interrupted = false, id?: string): EscalationInput => ({
    kind: 'SpeechPlayed',
    inputId: id ?? `played:${utteranceId}@${at}`,
    nowMs: at,
    utteranceId,
    interrupted,
  }),
  connected: (at: number, id?: string): EscalationInput => ({
    kind: 'CallConnected',
    inputId: id ?? `connected@${at}`,
    nowMs: at,
    calleeLegId: 'leg-7',
  }),
  connectFailed: (errorCode: string, at: number, id?: string): EscalationInput => ({
    kind: 'CallConnectFailed',
    inputId: id ?? `connect-failed:${errorCode}@${at}`,
    nowMs: at,
    errorCode,
  }),
  rejected: (commandId: string, errorCode: string, at: number): EscalationInput => ({
    kind: 'CommandRejected',
    inputId: `rejected:${commandId}@${at}`,
    nowMs: at,
    commandId,
    errorCode,
  }),
  modeChanged: (at: number, mode = AgentMode.AGENT_MODE_WHISPER): EscalationInput => ({
    kind: 'AgentModeChanged',
    inputId: `mode-changed@${at}`,
    nowMs: at,
    mode,
  }),
  chose: (choice: 'callback' | 'voicemail', at: number): EscalationInput => ({
    kind: 'CallerChose',
    inputId: `chose:${choice}@${at}`,
    nowMs: at,
    choice,
  }),
  voicemailRecorded: (at: number): EscalationInput => ({
    kind: 'VoicemailRecorded',
    inputId: `voicemail-recorded@${at}`,
    nowMs: at,
    recordingId: ids.voicemail,
    durationMs: 14_000,
  }),
  terminated: (at: number, reason = TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP) =>
    ({
      kind: 'CallTerminated',
      inputId: `terminated@${at}`,
      nowMs: at,
      reason,
    }) satisfies EscalationInput as EscalationInput,
  fired: (purpose: TimerPurpose, at: number): EscalationInput => timerFired(ids.timer(purpose), at),
};

/** Expected effects, built independently of the saga's own builders. */
export const fx = {
  schedule: (purpose: TimerPurpose, dueAtMs: number): Effect => ({
    kind: 'ScheduleTimer',
    timerId: ids.timer(purpose),
    dueAtMs,
    purpose,
  }),
  cancel: (purpose: TimerPurpose): Effect => ({ kind: 'CancelTimer', timerId: ids.timer(purpose) }),
  speak: (utteranceId: string, text: string, audience: 'caller' | 'callee' = 'caller'): Effect => ({
    kind: 'Speak',
    utteranceId,
    callId: CALL_ID,
    text,
    audience,
    cacheable: audience === 'caller',
  }),
  command: (commandId: string, command: CallCommandPayload): Effect => ({
    kind: 'SendCallCommand',
    commandId,
    callId: CALL_ID,
    command,
  }),
  disconnect: (): Effect => fx.command(ids.disconnect, { $case: 'disconnect', value: {} }),
  close: (): Effect => fx.command(ids.close, { $case: 'close', value: {} }),
  whisper: (): Effect =>
    fx.command(ids.whisper, {
      $case: 'setAgentMode',
      value: { mode: AgentMode.AGENT_MODE_WHISPER },
    }),
};
