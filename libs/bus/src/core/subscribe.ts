import type { Msg, MsgHdrs, Subscription } from '@nats-io/nats-core';
import { type Codec, decodeMessage } from '../codec/codec';
import type { Bus } from '../connection/connectBus';
import type { MalformedMessageError } from '../errors/malformedMessageError';

/** A decoded core NATS message. */
export interface Delivery<T> {
  readonly subject: string;
  readonly value: T;
  /** Headers as sent (trace context: `contextFromHeaders(delivery.headers)`). */
  readonly headers: MsgHdrs | undefined;
}

/** Options shared by {@link subscribe} and {@link onMessage}. */
export interface SubscribeOptions {
  /** Queue group: each message goes to one member of the group. */
  readonly queue?: string;
  /** Called for a message the codec cannot read; the message is dropped. */
  readonly onMalformed?: (error: MalformedMessageError) => void;
}

/** A core subscription delivering decoded values as an async iterable. */
export interface MessageStream<T> extends AsyncIterable<Delivery<T>> {
  /** Stops at once; messages not yet iterated are dropped. Ends the iteration. */
  unsubscribe(): void;
  /** Stops receiving, then ends the iteration after the messages already received. */
  drain(): Promise<void>;
}

/** A core subscription that calls a handler per message. */
export interface MessageListener {
  unsubscribe(): void;
  drain(): Promise<void>;
}

const toDelivery = <T>(
  msg: Msg,
  codec: Codec<T>,
  onMalformed: SubscribeOptions['onMalformed'],
): Delivery<T> | undefined => {
  try {
    return {
      subject: msg.subject,
      value: decodeMessage(codec, msg.data, msg.subject),
      headers: msg.headers,
    };
  } catch (error) {
    onMalformed?.(error as MalformedMessageError);
    return undefined;
  }
};

async function* decoded<T>(
  sub: Subscription,
  codec: Codec<T>,
  options: SubscribeOptions,
): AsyncGenerator<Delivery<T>> {
  for await (const msg of sub) {
    const delivery = toDelivery(msg, codec, options.onMalformed);
    if (delivery) yield delivery;
  }
}

/**
 * Subscribes on core NATS (at most once): `for await (const frame of subscribe(...))`.
 * A slow iterator does not block the connection; nats.js buffers for it.
 * Breaking out of the loop unsubscribes.
 */
export const subscribe = <T>(
  bus: Bus,
  subject: string,
  codec: Codec<T>,
  options: SubscribeOptions = {},
): MessageStream<T> => {
  const sub = bus.nc.subscribe(subject, { queue: options.queue });
  const iterator = decoded(sub, codec, options);
  return {
    [Symbol.asyncIterator]: () => iterator,
    unsubscribe: () => sub.unsubscribe(),
    drain: () => sub.drain(),
  };
};

/**
 * Subscribes on core NATS with a synchronous callback, the cheapest path for
 * high-rate streams such as 20 ms audio frames. An exception from the handler is
 * passed to `onError` (default: ignored) and does not end the subscription; a
 * subscription error (such as a permission violation) is passed there too.
 */
export const onMessage = <T>(
  bus: Bus,
  subject: string,
  codec: Codec<T>,
  handler: (delivery: Delivery<T>) => void,
  options: SubscribeOptions & { readonly onError?: (error: unknown) => void } = {},
): MessageListener => {
  const sub = bus.nc.subscribe(subject, {
    queue: options.queue,
    callback: (error, msg) => {
      if (error) {
        options.onError?.(error); // a subscription-level error (permissions) also ends the subscription
        return;
      }
      const delivery = toDelivery(msg, codec, options.onMalformed);
      if (!delivery) return;
      try {
        handler(delivery);
      } catch (handlerError) {
        options.onError?.(handlerError);
      }
    },
  });
  return { unsubscribe: () => sub.unsubscribe(), drain: () => sub.drain() };
};
