import {
  type CallContext,
  callStateFromJSON,
  escalationOutcomeFromJSON,
  escalationReasonFromJSON,
  Speaker,
  type Turn,
} from '@warmline/contracts';
import { buildSummary } from './buildSummary';
import type { ContextDoc, TurnRecord } from './contextDoc';
import { versionOf } from './positions';

const toTurn = (turn: TurnRecord): Turn => ({
  turnId: turn.turnId,
  speaker: turn.speaker === 'caller' ? Speaker.SPEAKER_CALLER : Speaker.SPEAKER_AGENT,
  text: turn.text,
  heardText: turn.playback?.heardText ?? '',
  interrupted: turn.playback?.interrupted ?? false,
  at: turn.at,
  startMs: turn.startMs,
  endMs: turn.endMs,
  confidence: turn.confidence,
});

/** The summary the human reads: the saga's, else the decision service's, else one built here. */
export const summaryOf = (doc: ContextDoc): string =>
  doc.saga?.summary || doc.request?.summary || buildSummary(doc);

/** The stored document as the contract's `CallContext` (gRPC and the desk's JSON). */
export const toCallContext = (doc: ContextDoc): CallContext => ({
  callId: doc._id,
  callerNumber: doc.call.callerNumber || doc.saga?.callerNumber || '',
  calleeNumber: doc.call.calleeNumber,
  connectorId: doc.call.connectorId,
  state: callStateFromJSON(doc.call.state),
  timeline: doc.timeline.map(({ at, kind, detail }) => ({ at, kind, detail })),
  turns: doc.turns.map(toTurn),
  escalationReason: escalationReasonFromJSON(
    doc.escalationReason ?? 'ESCALATION_REASON_UNSPECIFIED',
  ),
  escalationDetail: doc.request?.detail || doc.saga?.detail || '',
  summary: summaryOf(doc),
  outcome: escalationOutcomeFromJSON(doc.outcome ?? 'ESCALATION_OUTCOME_UNSPECIFIED'),
  startedAt: doc.call.startedAt,
  endedAt: doc.call.endedAt,
  voicemailTranscript: doc.voicemail?.transcript ?? '',
  version: versionOf(doc.positions),
});
