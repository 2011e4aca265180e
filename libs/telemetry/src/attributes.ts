/**
 * Names of Warmline's own span and log attributes. Use OTel's semantic
 * conventions (`messaging.*`, `rpc.*`, …) for everything they already name.
 */
export const WarmlineAttributes = {
  CALL_ID: 'warmline.call.id',
  STAGE: 'warmline.stage',
  TURN_ID: 'warmline.turn.id',
  UTTERANCE_ID: 'warmline.utterance.id',
  SAGA_STATUS: 'warmline.saga.status',
  ESCALATION_REASON: 'warmline.escalation.reason',
  COMMAND: 'warmline.command',
} as const;

/** One of the {@link WarmlineAttributes} names. */
export type WarmlineAttribute = (typeof WarmlineAttributes)[keyof typeof WarmlineAttributes];

/** The stages of a call turn, the values of `warmline.stage`. */
export const STAGES = [
  'gateway',
  'stt',
  'llm-decision',
  'tts',
  'call-control',
  'orchestrator',
  'context-store',
] as const;

/** A pipeline stage (one per service). */
export type Stage = (typeof STAGES)[number];
