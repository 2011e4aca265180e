import { randomUUID } from 'node:crypto';
import { type Bus, createEventStore, type EventStore, protoCodec } from '@warmline/bus';
import { CallEvent, CallState, streams, subjects } from '@warmline/contracts';

/** A call event's payload. */
export type CallEventPayload = NonNullable<CallEvent['payload']>;

/** The state a call is in after an event (the seed's state machine, as far as the test participant plays it). */
export const stateAfter = (payload: CallEventPayload, before: CallState): CallState => {
  switch (payload.$case) {
    case 'started':
      return CallState.CALL_STATE_PENDING;
    case 'answered':
      return CallState.CALL_STATE_ANSWERED;
    case 'connected':
      return CallState.CALL_STATE_CONNECTED;
    case 'terminated':
      return CallState.CALL_STATE_DISCONNECTED;
    default:
      return before;
  }
};

/** The call events stream (CALL_EVENTS, `evt.call.<callId>`) as the test participant writes and reads it. */
export class CallEventLog {
  private readonly store: EventStore<CallEvent>;
  private readonly written = new Map<string, CallEventPayload[]>();

  constructor(bus: Bus) {
    this.store = createEventStore({
      bus,
      stream: streams.callEvents.name,
      codec: protoCodec(CallEvent),
      eventId: (event) => event.eventId,
    });
  }

  /** Appends one event caused by `causationId`. */
  async append(callId: string, causationId: string, payload: CallEventPayload): Promise<void> {
    const event = CallEvent.fromPartial({
      eventId: randomUUID(),
      callId,
      occurredAt: new Date(),
      causationId,
      correlationId: callId,
      payload,
    });
    await this.store.append(subjects.callEvents(callId), [event], { expectedVersion: 'any' });
    this.written.set(callId, [...(this.written.get(callId) ?? []), payload]);
  }

  /** The payloads this participant appended for a call (no read from the server: for waiting on). */
  appended(callId: string): readonly CallEventPayload[] {
    return this.written.get(callId) ?? [];
  }

  /** The payloads of a call's events, in order. */
  async payloads(callId: string): Promise<CallEventPayload[]> {
    const { events } = await this.store.read(subjects.callEvents(callId));
    return events.flatMap((stored) => (stored.event.payload ? [stored.event.payload] : []));
  }

  /** The states the call went through, without repeats. */
  async states(callId: string): Promise<CallState[]> {
    const states: CallState[] = [];
    let state = CallState.CALL_STATE_UNSPECIFIED;
    for (const payload of await this.payloads(callId)) {
      const next = stateAfter(payload, state);
      if (next !== state) states.push(next);
      state = next;
    }
    return states;
  }
}
