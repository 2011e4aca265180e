import { MessagingAttributes } from '../trace/attributes';
import { SpanKind, inSpan } from '../trace/inSpan';
import { appendEvents } from './appendEvents';
import { followStream } from './followStream';
import { readSubject } from './readSubject';
import type { EventStore, EventStoreOptions, ReadResult } from './types';

/**
 * An event store on one JetStream stream with one subject per aggregate
 * (`evt.call.<callId>`). The stream needs `allow_atomic` and `allow_direct`,
 * which {@link ensureStreams} sets.
 *
 * - `append` stores events all-or-nothing at an expected version
 *   (`ConcurrencyError` when the subject moved on; a retry of a stored append is a no-op);
 * - `read` / `aggregate` load a subject by direct get;
 * - `subscribe` follows the stream from a position.
 */
export const createEventStore = <TEvent>(
  options: EventStoreOptions<TEvent>,
): EventStore<TEvent> => {
  const read = async (subject: string): Promise<ReadResult<TEvent>> => {
    const events = await readSubject(options.bus, options.stream, options.codec, subject);
    return { events, version: events.at(-1)?.sequence ?? 0 };
  };
  return {
    append: (subject, events, appendOptions) =>
      inSpan(
        `append ${options.stream}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            [MessagingAttributes.destination]: subject,
            [MessagingAttributes.operationType]: 'send',
            [MessagingAttributes.stream]: options.stream,
            [MessagingAttributes.batchCount]: events.length,
          },
        },
        () => appendEvents(options, subject, events, appendOptions),
      ),
    read,
    aggregate: async (subject, evolve, initialState) => {
      const { events, version } = await read(subject);
      return {
        state: events.reduce((state, stored) => evolve(state, stored.event), initialState),
        version,
      };
    },
    subscribe: (filterSubject, position, handler, followOptions) =>
      followStream(options, filterSubject, position, handler, followOptions),
  };
};
