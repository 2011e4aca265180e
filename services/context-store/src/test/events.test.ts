/** Builders for source events in tests (not a test file: jest only runs *.unit/int.test.ts). */
import { CallEvent, ConversationEvent, EscalationEvent } from '@warmline/contracts';
import type { SourceEvent } from '../domain';

/** A oneof payload whose message may leave fields out (they take their proto defaults). */
type PartialPayload<T> = T extends { $case: infer C; value: infer V }
  ? { $case: C; value: { [K in keyof V]?: V[K] } }
  : never;
type CallPayload = PartialPayload<NonNullable<CallEvent['payload']>>;
type ConversationPayload = PartialPayload<NonNullable<ConversationEvent['payload']>>;
type EscalationPayload = PartialPayload<NonNullable<EscalationEvent['payload']>>;

// fromPartial's Exact<> constraint cannot follow a union of oneof cases, hence the `never` casts.

/** Makes events for one call with ids `<callId>:<stream>:<n>` and times `t0 + offsetMs`. */
export const eventsFor = (callId: string, t0: Date) => {
  let n = 0;
  const base = (stream: string, offsetMs: number) => ({
    eventId: `${callId}-${stream}-${++n}`,
    callId,
    occurredAt: new Date(t0.getTime() + offsetMs),
    causationId: '',
    correlationId: callId,
  });
  return {
    call: (offsetMs: number, payload: CallPayload): SourceEvent => ({
      stream: 'call',
      callId,
      event: CallEvent.fromPartial({ ...base('call', offsetMs), payload } as never),
    }),
    conversation: (offsetMs: number, payload: ConversationPayload): SourceEvent => ({
      stream: 'conversation',
      callId,
      event: ConversationEvent.fromPartial({ ...base('conversation', offsetMs), payload } as never),
    }),
    escalation: (offsetMs: number, payload: EscalationPayload): SourceEvent => ({
      stream: 'escalation',
      callId,
      event: EscalationEvent.fromPartial({ ...base('escalation', offsetMs), payload } as never),
    }),
  };
};
