import type { ConversationEvent, SpeakRequest } from '@warmline/contracts';
import type { Decision } from '../engine/decision';
import { turnIds } from './turnIds';

/** How the agent's speech is requested from the tts stage. */
export interface SpeechSettings {
  /** The tts voice; empty for the tts default. */
  readonly voice: string;
  /** Output sample rate; 0 for the tts default. */
  readonly sampleRate: number;
}

/** A decided turn, with everything needed to record it. */
export interface DecidedTurn {
  readonly callId: string;
  /** The `CallerTranscribed` event answered. */
  readonly transcriptEventId: string;
  readonly callerTurnId: string;
  /** The transcript's correlation id (the call id when it had none). */
  readonly correlationId: string;
  readonly decision: Decision;
  readonly provider: string;
  readonly fallback: boolean;
  /** The summary for the person, used when the decision escalates. */
  readonly summary: string;
  /** Whether the reply text is fixed text (profile or configuration) the tts may cache. */
  readonly cacheable: boolean;
  readonly nowMs: number;
}

/** What to append to the conversation stream, and what to ask the tts stage to say. */
export interface TurnEffects {
  readonly events: readonly ConversationEvent[];
  /**
   * Absent when escalating or ending: the orchestrator says the transition line (escalation
   * saga) and the goodbye (built-in agent session) itself.
   */
  readonly speak: SpeakRequest | undefined;
}

/** One utterance for the tts stage. */
export interface Utterance {
  readonly callId: string;
  /** Also the request id and its `Nats-Msg-Id`, so a repeated request is dropped. */
  readonly utteranceId: string;
  readonly text: string;
  readonly cacheable: boolean;
}

/** The speech request for an utterance, issued at `nowMs`. */
export function speakRequest(
  utterance: Utterance,
  nowMs: number,
  speech: SpeechSettings,
): SpeakRequest {
  return {
    requestId: utterance.utteranceId,
    callId: utterance.callId,
    utteranceId: utterance.utteranceId,
    text: utterance.text,
    voice: speech.voice,
    sampleRate: speech.sampleRate,
    cacheable: utterance.cacheable,
    issuedAtMs: nowMs,
    calleeOnly: false,
  };
}

/**
 * The events and speech request for a decided turn. Every decision appends `AgentReplied`
 * (with the transition line or goodbye when it escalates or ends, for the record), then
 * `EscalationRequested` or `HangupRequested`. Speech is requested for replies only: the
 * orchestrator plays the transition line and the goodbye when it handles those events, so
 * nothing is said twice. Pure.
 */
export function turnEffects(turn: DecidedTurn, speech: SpeechSettings): TurnEffects {
  const ids = turnIds(turn.transcriptEventId, turn.callerTurnId);
  const { decision } = turn;
  const envelope = (eventId: string, payload: ConversationEvent['payload']): ConversationEvent => ({
    eventId,
    callId: turn.callId,
    occurredAt: new Date(turn.nowMs),
    causationId: turn.transcriptEventId,
    correlationId: turn.correlationId,
    payload,
  });
  const text = decision.kind === 'reply' ? decision.text : decision.replyText;
  const replied = envelope(ids.repliedEventId, {
    $case: 'replied',
    value: {
      turnId: ids.agentTurnId,
      utteranceId: ids.utteranceId,
      text,
      inReplyToTurnId: turn.callerTurnId,
      fallback: turn.fallback,
      provider: turn.provider,
      intentId: decision.kind === 'reply' ? (decision.intentId ?? '') : '',
    },
  });
  const speak = speakRequest(
    { callId: turn.callId, utteranceId: ids.utteranceId, text, cacheable: turn.cacheable },
    turn.nowMs,
    speech,
  );
  switch (decision.kind) {
    case 'reply':
      return { events: [replied], speak };
    case 'end':
      return {
        events: [
          replied,
          envelope(ids.hangupEventId, {
            $case: 'hangupRequested',
            value: { turnId: turn.callerTurnId, detail: 'the caller is done' },
          }),
        ],
        speak: undefined,
      };
    case 'escalate':
      return {
        events: [
          replied,
          envelope(ids.escalationEventId, {
            $case: 'escalationRequested',
            value: {
              reason: decision.reason,
              detail: decision.detail,
              turnId: turn.callerTurnId,
              summary: turn.summary,
              callerName: '',
              destinationId: decision.destinationId,
            },
          }),
        ],
        speak: undefined,
      };
  }
}
