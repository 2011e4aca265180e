import { createEventStore, protoCodec, type Bus } from '@warmline/bus';
import { CallEvent, streams, subjects } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import type { TestSession } from './sdkTestClient';

/** Every event stored for a call, read straight from JetStream. */
export async function storedEvents(bus: Bus, callId: string): Promise<CallEvent[]> {
  const store = createEventStore({
    bus,
    stream: streams.callEvents.name,
    codec: protoCodec(CallEvent),
    eventId: (event) => event.eventId,
  });
  const { events } = await store.read(subjects.callEvents(callId));
  return events.map((stored) => stored.event);
}

/** The payload kinds of a list of call events. */
export const kinds = (events: readonly CallEvent[]): string[] =>
  events.map((event) => event.payload?.$case ?? 'none');

/** The call events a session received for one call, in order. */
export const sessionEvents = (session: TestSession, callId: string): CallEvent[] =>
  session.received.flatMap((m) =>
    m.message?.$case === 'callEvent' && m.message.value.callId === callId ? [m.message.value] : [],
  );

/** Waits until a call's stored events include one of `kind`, and returns them all. */
export function eventsUntil(bus: Bus, callId: string, kind: string): Promise<CallEvent[]> {
  return waitFor(
    async () => {
      const events = await storedEvents(bus, callId);
      return kinds(events).includes(kind) ? events : undefined;
    },
    { describe: () => `${kind} on call ${callId}`, timeoutMs: 15_000 },
  );
}
