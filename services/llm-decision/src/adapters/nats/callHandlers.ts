import { type Bus, createEventStore, protoCodec } from '@warmline/bus';
import { CallEvent, CallHandler, streams, subjects } from '@warmline/contracts';

/** Which application drives a call. */
export interface CallHandlerLookup {
  /** The call's handler from its `CallStarted` event, or the configured default without one. */
  handlerOf(callId: string): Promise<CallHandler>;
}

/**
 * Looks up a call's handler in its call stream (`evt.call.<callId>`, the `CallStarted` event
 * call-control appends). A found handler never changes, so it is cached (the oldest entries
 * leave first beyond `maxCached`); a call without `CallStarted` gets `defaultHandler` and is
 * looked up again next time.
 */
export function createCallHandlerLookup(
  bus: Bus,
  defaultHandler: CallHandler,
  maxCached = 10_000,
): CallHandlerLookup {
  const store = createEventStore({
    bus,
    stream: streams.callEvents.name,
    codec: protoCodec(CallEvent),
    eventId: (event) => event.eventId,
  });
  const cache = new Map<string, CallHandler>();
  return {
    handlerOf: async (callId) => {
      const cached = cache.get(callId);
      if (cached !== undefined) return cached;
      const { events } = await store.read(subjects.callEvents(callId));
      const started = events.find((stored) => stored.event.payload?.$case === 'started');
      if (started?.event.payload?.$case !== 'started') return defaultHandler;
      const handler = started.event.payload.value.handler;
      const known = handler === CallHandler.CALL_HANDLER_UNSPECIFIED ? defaultHandler : handler;
      if (cache.size >= maxCached) cache.delete(cache.keys().next().value ?? '');
      cache.set(callId, known);
      return known;
    },
  };
}
