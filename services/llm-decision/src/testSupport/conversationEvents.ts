import { randomUUID } from 'node:crypto';
import {
  type AgentReplied,
  CallEvent,
  CallHandler,
  ConversationEvent,
  type EscalationRequested,
  type HangupRequested,
  Transport,
} from '@warmline/contracts';

/** A final transcript of caller turn `turnId` of `callId`, happening now. */
export const transcribed = (callId: string, turnId: string, text: string, confidence = 0.93) =>
  ConversationEvent.fromPartial({
    eventId: randomUUID(),
    callId,
    occurredAt: new Date(),
    causationId: `${callId}:${turnId}:speech-ended`,
    correlationId: callId,
    payload: {
      $case: 'transcribed',
      value: { turnId, text, confidence, engine: 'test', startMs: 0, endMs: 900 },
    },
  });

/** The `CallStarted` event call-control appends, with the call's handler. */
export const callStarted = (callId: string, handler: CallHandler) =>
  CallEvent.fromPartial({
    eventId: randomUUID(),
    callId,
    occurredAt: new Date(),
    correlationId: callId,
    payload: {
      $case: 'started',
      value: {
        callerNumber: '+15550100001',
        calleeNumber: '+15550100002',
        connectorId: 'acme-main',
        transport: Transport.TRANSPORT_SIP,
        handler,
      },
    },
  });

/** The payloads of the `AgentReplied` events among `events`. */
export const repliesIn = (events: readonly ConversationEvent[]): AgentReplied[] =>
  events.flatMap((e) => (e.payload?.$case === 'replied' ? [e.payload.value] : []));

/** The payloads of the `EscalationRequested` events among `events`. */
export const escalationsIn = (events: readonly ConversationEvent[]): EscalationRequested[] =>
  events.flatMap((e) => (e.payload?.$case === 'escalationRequested' ? [e.payload.value] : []));

/** The payloads of the `HangupRequested` events among `events`. */
export const hangupsIn = (events: readonly ConversationEvent[]): HangupRequested[] =>
  events.flatMap((e) => (e.payload?.$case === 'hangupRequested' ? [e.payload.value] : []));

export { CallHandler };
