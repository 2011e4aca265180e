import { type Bus, createEventStore, protoCodec } from '@warmline/bus';
import { CallEvent, EscalationEvent, streams, subjects } from '@warmline/contracts';
import type { CallStreamPort, SagaStreamPort } from '../../runner/ports';

/** The saga's own stream, `evt.escalation.<callId>` on ESCALATION_EVENTS, as an event store. */
export const createSagaStream = (bus: Bus): SagaStreamPort => {
  const store = createEventStore({
    bus,
    stream: streams.escalationEvents.name,
    codec: protoCodec(EscalationEvent),
    eventId: (event) => event.eventId,
  });
  return {
    read: async (callId) => {
      const { events, version } = await store.read(subjects.escalationEvents(callId));
      return { events: events.map((stored) => stored.event), version };
    },
    append: async (callId, events, expectedVersion) => {
      const subject = subjects.escalationEvents(callId);
      const result = await store.append(subject, events, { expectedVersion });
      return result.duplicate;
    },
  };
};

/** call-control's stream of one call, read only (who handles the call, the caller's number). */
export const createCallStream = (bus: Bus): CallStreamPort => {
  const store = createEventStore({
    bus,
    stream: streams.callEvents.name,
    codec: protoCodec(CallEvent),
    eventId: (event) => event.eventId,
  });
  return {
    read: async (callId) => {
      const { events } = await store.read(subjects.callEvents(callId));
      return events.map((stored) => stored.event);
    },
  };
};
