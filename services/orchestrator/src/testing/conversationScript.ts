import { type Bus, protoCodec } from '@warmline/bus';
import { ConversationEvent, EscalationReason, KeywordHit, subjects } from '@warmline/contracts';
import { publishOutcome } from './participants/publishOutcome';

type Payload = NonNullable<ConversationEvent['payload']>;

/**
 * What stt and llm-decision would append to `evt.conversation.<callId>` in a test: a caller turn,
 * a decision to escalate, a decision to end the call. With `duplicate`, every event is stored
 * twice (as a JetStream redelivery or a retried publish would deliver it).
 */
export const conversationScript = (bus: Bus, options: { readonly duplicate?: boolean } = {}) => {
  const codec = protoCodec(ConversationEvent);
  const append = (callId: string, eventId: string, payload: Payload) => {
    const event: ConversationEvent = {
      eventId,
      callId,
      occurredAt: new Date(),
      causationId: '',
      correlationId: callId,
      payload,
    };
    const subject = subjects.conversationEvents(callId);
    return publishOutcome(bus, subject, codec, event, eventId, options.duplicate ?? false);
  };
  return {
    transcribed: (callId: string, turn: number) =>
      append(callId, `${callId}:transcribed:${turn}`, {
        $case: 'transcribed',
        value: {
          turnId: `turn-${turn}`,
          text: 'I want to talk to a person',
          confidence: 0.93,
          startMs: 0,
          endMs: 1_500,
          engine: 'test',
          lastFrameIngressAtMs: 0,
          keywordHit: KeywordHit.KEYWORD_HIT_UNSPECIFIED,
        },
      }),
    /**
     * The reply llm-decision records with an escalation (`AgentReplied` with the transition line,
     * in reply to turn-2, under its own utterance id): never played, the saga says the line.
     */
    escalationReply: (callId: string) =>
      append(callId, `${callId}:replied:2`, {
        $case: 'replied',
        value: {
          turnId: 'agent-turn-2',
          utteranceId: `${callId}:decision:2`,
          text: 'Let me connect you with a specialist who can help.',
          inReplyToTurnId: 'turn-2',
          fallback: false,
          provider: 'test',
          intentId: '',
        },
      }),
    escalationRequested: (callId: string) =>
      append(callId, `${callId}:escalation-requested`, {
        $case: 'escalationRequested',
        value: {
          reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
          detail: 'explicit request',
          turnId: 'turn-2',
          summary: 'Wants to dispute a double charge.',
          callerName: 'Dana',
          destinationId: 'support-desk',
        },
      }),
    hangupRequested: (callId: string) =>
      append(callId, `${callId}:hangup-requested`, {
        $case: 'hangupRequested',
        value: { turnId: 'turn-3', detail: 'caller said goodbye' },
      }),
  };
};
