import {
  type Bus,
  type Codec,
  createEventStore,
  type EventStore,
  type EventSubscription,
  protoCodec,
  type StoredEvent,
} from '@warmline/bus';
import {
  aggregateIdOf,
  CallEvent,
  ConversationEvent,
  EscalationEvent,
  isSubjectToken,
  streams,
  subjects,
  subjectWildcards,
} from '@warmline/contracts';
import type { SourceEvent, SourceStream } from '../../domain';
import type { StoredSource } from '../../ports';

/** One source stream, read without knowing its message type. */
export interface SourceStreamReader {
  readonly source: SourceStream;
  /** The JetStream stream name (CALL_EVENTS, ...). */
  readonly streamName: string;
  /** Follows every call on the stream from `fromSequence` (inclusive), in stream order. */
  follow(
    fromSequence: number,
    handler: (stored: StoredSource) => Promise<void>,
    onMalformed: (subject: string, sequence: number | undefined) => void,
  ): Promise<EventSubscription>;
  /** One call's events after `afterSequence`. */
  readCall(callId: string, afterSequence: number): Promise<StoredSource[]>;
  /** The stream's last sequence (0 when empty). */
  lastSequence(): Promise<number>;
}

interface Spec<TEvent> {
  readonly source: SourceStream;
  readonly streamName: string;
  readonly wildcard: string;
  readonly subjectOf: (callId: string) => string;
  readonly codec: Codec<TEvent & { eventId: string }>;
  readonly wrap: (callId: string, event: TEvent) => SourceEvent;
}

const reader = <TEvent>(bus: Bus, spec: Spec<TEvent>): SourceStreamReader => {
  const store: EventStore<TEvent & { eventId: string }> = createEventStore({
    bus,
    stream: spec.streamName,
    codec: spec.codec,
    eventId: (event) => event.eventId,
  });
  // The subject names the call; an id that is no valid token cannot have been appended.
  const toStored = (stored: StoredEvent<TEvent>): StoredSource | undefined => {
    const callId = aggregateIdOf(stored.subject);
    return isSubjectToken(callId)
      ? { source: spec.wrap(callId, stored.event), sequence: stored.sequence }
      : undefined;
  };
  return {
    source: spec.source,
    streamName: spec.streamName,
    follow: (fromSequence, handler, onMalformed) =>
      store.subscribe(
        spec.wildcard,
        { fromSequence },
        async (stored) => {
          const event = toStored(stored);
          if (event) await handler(event);
        },
        { onMalformed: (error) => onMalformed(error.subject, error.sequence) },
      ),
    readCall: async (callId, afterSequence) => {
      const { events } = await store.read(spec.subjectOf(callId));
      return events
        .filter((stored) => stored.sequence > afterSequence)
        .map(toStored)
        .filter((stored): stored is StoredSource => stored !== undefined);
    },
    lastSequence: async () => (await bus.jsm.streams.info(spec.streamName)).state.last_seq,
  };
};

/** Readers for the three streams the projection folds. */
export const sourceStreamReaders = (bus: Bus): Record<SourceStream, SourceStreamReader> => ({
  call: reader(bus, {
    source: 'call',
    streamName: streams.callEvents.name,
    wildcard: subjectWildcards.callEvents,
    subjectOf: subjects.callEvents,
    codec: protoCodec(CallEvent),
    wrap: (callId, event: CallEvent) => ({ stream: 'call', callId, event }),
  }),
  conversation: reader(bus, {
    source: 'conversation',
    streamName: streams.conversationEvents.name,
    wildcard: subjectWildcards.conversationEvents,
    subjectOf: subjects.conversationEvents,
    codec: protoCodec(ConversationEvent),
    wrap: (callId, event: ConversationEvent) => ({ stream: 'conversation', callId, event }),
  }),
  escalation: reader(bus, {
    source: 'escalation',
    streamName: streams.escalationEvents.name,
    wildcard: subjectWildcards.escalationEvents,
    subjectOf: subjects.escalationEvents,
    codec: protoCodec(EscalationEvent),
    wrap: (callId, event: EscalationEvent) => ({ stream: 'escalation', callId, event }),
  }),
});
