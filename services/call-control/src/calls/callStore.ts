import {
  type Bus,
  type EventSubscription,
  type StoredEvent,
  createEventStore,
  protoCodec,
} from '@warmline/bus';
import { CallEvent, streams, subjects } from '@warmline/contracts';
import { type CallAggregate, evolve, initialState } from '../domain';

/** A call as loaded from its event stream. */
export interface LoadedCall {
  readonly call: CallAggregate;
  /** Every event of the call, oldest first. */
  readonly events: readonly CallEvent[];
  /** Stream sequence of the last event (0 when none): the expected version of the next append. */
  readonly version: number;
}

/** The call aggregate's persistence: one JetStream subject per call (`evt.call.<callId>`). */
export interface CallStore {
  load(callId: string): Promise<LoadedCall>;
  /** Appends at `expectedVersion`; returns the new version. @throws ConcurrencyError */
  append(callId: string, events: readonly CallEvent[], expectedVersion: number): Promise<number>;
  /** Follows the call's events from a stream sequence (1: from the start), in order. */
  follow(
    callId: string,
    fromSequence: number,
    handler: (stored: StoredEvent<CallEvent>) => Promise<void> | void,
  ): Promise<EventSubscription>;
}

/** The call store on the CALL_EVENTS stream. */
export function createCallStore(bus: Bus): CallStore {
  const store = createEventStore({
    bus,
    stream: streams.callEvents.name,
    codec: protoCodec(CallEvent),
    eventId: (event) => event.eventId,
  });
  return {
    load: async (callId) => {
      const { events, version } = await store.read(subjects.callEvents(callId));
      const list = events.map((stored) => stored.event);
      return { call: list.reduce(evolve, initialState()), events: list, version };
    },
    append: async (callId, events, expectedVersion) => {
      const result = await store.append(subjects.callEvents(callId), events, { expectedVersion });
      return result.version;
    },
    follow: (callId, fromSequence, handler) =>
      store.subscribe(subjects.callEvents(callId), { fromSequence }, handler),
  };
}
