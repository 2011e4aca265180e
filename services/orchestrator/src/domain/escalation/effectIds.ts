/**
 * Deterministic ids for everything the saga asks of the world. An id depends only on the call id and
 * the step (each step runs at most once per call), so a replay or a redone decision produces the
 * same ids, and downstream idempotency by id (call-control's command_id, tts's utterance_id,
 * context-store's request_id, the timer store's timer_id) turns a re-dispatch into a no-op.
 */

/** What a guard timer guards; one timer per purpose and call. */
export type TimerPurpose =
  | 'save-context'
  | 'announce'
  | 'connect'
  | 'agent-mode'
  | 'briefing'
  | 'leave'
  | 'apology'
  | 'choice'
  | 'voicemail'
  | 'closing';

/** Why the context is saved: when the escalation starts, when the call ends, after a voicemail. */
export type ContextSavePurpose = 'escalation' | 'final' | 'voicemail';

/** Ids of the effects, by step. */
export const effectIds = {
  saveContext: (callId: string, purpose: ContextSavePurpose) => `${callId}:save-context:${purpose}`,
  transitionLine: (callId: string) => `${callId}:utterance:transition`,
  connect: (callId: string) => `${callId}:command:connect`,
  whisper: (callId: string) => `${callId}:command:whisper`,
  briefing: (callId: string) => `${callId}:utterance:briefing`,
  close: (callId: string) => `${callId}:command:close`,
  apology: (callId: string) => `${callId}:utterance:apology`,
  voicemail: (callId: string) => `${callId}:voicemail`,
  callbackConfirm: (callId: string) => `${callId}:utterance:callback`,
  disconnect: (callId: string) => `${callId}:command:disconnect`,
  timer: (callId: string, purpose: TimerPurpose) => `${callId}:timer:${purpose}`,
} as const;

/**
 * True for an utterance the orchestrator itself asked for on `callId` (transition line, apology,
 * briefing, greeting, goodbye): only those playing can concern it, so other agent replies are
 * acked without loading anything.
 */
export const isOwnUtterance = (callId: string, utteranceId: string): boolean =>
  utteranceId.startsWith(`${callId}:utterance:`);

/**
 * The id of the `index`-th event of the decision on `inputId`: derived from the input, not from the
 * stream position, so JetStream's `Nats-Msg-Id` de-duplication can only ever drop a true repeat of
 * the same decision, never a different decision racing for the same position.
 */
export const eventIdOf = (inputId: string, index: number) => `${inputId}/${index}`;
