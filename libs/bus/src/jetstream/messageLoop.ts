import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';

/** A running pull loop over JetStream messages. */
export interface MessageLoop {
  /**
   * Stops pulling, lets the message in progress finish, hands messages already
   * buffered to `release` (not to the handler), and resolves when the loop ended.
   */
  stop(): Promise<void>;
  /** Settles when the loop ends: resolves after stop() or a closed connection, rejects if `process` threw. */
  readonly closed: Promise<void>;
}

/**
 * Processes `messages` one at a time, in order. `process` throwing ends the loop
 * (and rejects `closed`). Calling `messages.close()` inside a `for await` over
 * the same messages would deadlock, so stop() only flags and stops the iterator.
 */
export const runMessageLoop = (
  messages: ConsumerMessages,
  process: (msg: JsMsg) => Promise<void>,
  release: (msg: JsMsg) => void = () => undefined,
): MessageLoop => {
  let stopping = false;
  const closed = (async () => {
    try {
      for await (const msg of messages) {
        if (stopping) release(msg);
        else await process(msg);
      }
    } finally {
      messages.stop();
    }
  })();
  closed.catch(() => undefined); // observed here so an unobserved failure is not an unhandled rejection
  return {
    closed,
    stop: async () => {
      stopping = true;
      messages.stop(); // queues an end marker behind the buffered messages
      await closed.catch(() => undefined);
    },
  };
};
