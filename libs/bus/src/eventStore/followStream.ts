import { DeliverPolicy, type JsMsg, type OrderedConsumerOptions } from '@nats-io/jetstream';
import { decodeMessage } from '../codec/codec';
import { MalformedMessageError } from '../errors/malformedMessageError';
import { runMessageLoop } from '../jetstream/messageLoop';
import { MessagingAttributes } from '../trace/attributes';
import { SpanKind, inSpan } from '../trace/inSpan';
import { contextFromHeaders } from '../trace/traceHeaders';
import type {
  EventStoreOptions,
  EventSubscription,
  FollowOptions,
  StoredEvent,
  SubscribePosition,
} from './types';

const startAt = (position: SubscribePosition): Partial<OrderedConsumerOptions> => {
  if ('fromSequence' in position) {
    return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: position.fromSequence };
  }
  if ('deliverNew' in position) return { deliver_policy: DeliverPolicy.New };
  return { deliver_policy: DeliverPolicy.All };
};

/**
 * Follows a stream through an ordered consumer (ephemeral, no acks, recreated by
 * nats.js after a gap or reconnect): for projections, which keep their own
 * checkpoint (pass `{ fromSequence: checkpoint + 1 }`), and for SDK event delivery.
 * Events are handled one at a time, in stream order, each in a CONSUMER span.
 */
export const followStream = async <TEvent>(
  store: EventStoreOptions<TEvent>,
  filterSubject: string,
  position: SubscribePosition,
  handler: (stored: StoredEvent<TEvent>) => Promise<void> | void,
  options: FollowOptions = {},
): Promise<EventSubscription> => {
  const consumer = await store.bus.js.consumers.get(store.stream, {
    filter_subjects: [filterSubject],
    ...startAt(position),
  });
  const messages = await consumer.consume({ max_messages: 256 });

  const process = (msg: JsMsg) =>
    inSpan(
      `process ${store.stream}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFromHeaders(msg.headers),
        attributes: {
          [MessagingAttributes.destination]: msg.subject,
          [MessagingAttributes.operationType]: 'process',
          [MessagingAttributes.stream]: store.stream,
          [MessagingAttributes.streamSequence]: msg.seq,
        },
      },
      async () => {
        let event: TEvent;
        try {
          event = decodeMessage(store.codec, msg.data, msg.subject, msg.seq);
        } catch (error) {
          if (error instanceof MalformedMessageError) options.onMalformed?.(error);
          return;
        }
        await handler({ event, sequence: msg.seq, subject: msg.subject, headers: msg.headers });
      },
    );
  const loop = runMessageLoop(messages, process);
  return { stop: () => loop.stop(), closed: loop.closed };
};
