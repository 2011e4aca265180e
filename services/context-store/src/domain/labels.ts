/** Readable names for the enum values stored in a context (proto JSON names). */

const REASONS: Readonly<Record<string, string>> = {
  ESCALATION_REASON_CALLER_ASKED: 'Caller asked for a person',
  ESCALATION_REASON_FRUSTRATION: 'Caller is frustrated',
  ESCALATION_REASON_OUT_OF_SCOPE: 'Out of scope for the AI',
  ESCALATION_REASON_REPEATED_FAILURE: 'AI failed repeatedly',
  ESCALATION_REASON_LOW_CONFIDENCE: 'AI not confident',
  ESCALATION_REASON_POLICY_KEYWORD: 'Policy keyword',
};

const OUTCOMES: Readonly<Record<string, string>> = {
  ESCALATION_OUTCOME_TRANSFERRED: 'Transferred to a person',
  ESCALATION_OUTCOME_RETURNED_TO_AGENT: 'Back with the AI',
  ESCALATION_OUTCOME_VOICEMAIL: 'Left a voicemail',
  ESCALATION_OUTCOME_CALLBACK_OFFERED: 'Callback offered',
  ESCALATION_OUTCOME_ABANDONED: 'Caller hung up',
  ESCALATION_OUTCOME_HANDLED_BY_AGENT: 'Handled by the AI',
};

const STATES: Readonly<Record<string, string>> = {
  CALL_STATE_PENDING: 'Ringing in',
  CALL_STATE_ANSWERED: 'With the AI',
  CALL_STATE_CONNECTED: 'Connected',
  CALL_STATE_DISCONNECTED: 'Ended',
};

const TIMELINE: Readonly<Record<string, string>> = {
  'call.started': 'Call arrived',
  'call.answered': 'AI answered',
  'call.answer-failed': 'Answer failed',
  'call.connect-requested': 'Dialling the human',
  'call.ringing': 'Human phone ringing',
  'call.connected': 'Human joined',
  'call.connect-failed': 'Human not reached',
  'call.agent-mode': 'AI mode changed',
  'call.terminated': 'AI left the call',
  'call.bridge-ended': 'Call ended',
  'call.dtmf': 'Key pressed',
  'conversation.escalation-requested': 'AI asked for a human',
  'conversation.hangup-requested': 'AI asked to hang up',
  'conversation.barged-in': 'Caller interrupted',
  'conversation.voicemail-recorded': 'Voicemail recorded',
  'escalation.started': 'Handoff started',
  'escalation.step': 'Handoff step',
  'escalation.finished': 'Handoff finished',
};

/** "Caller is frustrated" for `ESCALATION_REASON_FRUSTRATION`; empty when unspecified. */
export const reasonLabel = (reason: string | undefined): string =>
  (reason && REASONS[reason]) ?? '';

/** "Transferred to a person" for `ESCALATION_OUTCOME_TRANSFERRED`; empty while in progress. */
export const outcomeLabel = (outcome: string | undefined): string =>
  (outcome && OUTCOMES[outcome]) ?? '';

/** "With the AI" for `CALL_STATE_ANSWERED`. */
export const stateLabel = (state: string): string => STATES[state] ?? '';

/** "Human phone ringing" for `call.ringing`; the kind itself when unknown. */
export const timelineLabel = (kind: string): string => TIMELINE[kind] ?? kind;

/** `ESCALATION_STEP_CONNECTING` → `connecting`; `TERMINATION_REASON_AGENT_LEFT` → `agent left`. */
export const enumWords = (value: string, prefix: string): string =>
  value.startsWith(prefix) ? value.slice(prefix.length).toLowerCase().replace(/_/g, ' ') : value;
