import type { ServerDuplexStream } from '@grpc/grpc-js';

/** Thrown by a write to a stream the client already left. */
export class StreamClosedError extends Error {
  override readonly name = 'StreamClosedError';
  readonly retryable = false;
}

/**
 * Writes to a server stream and resolves once the message was handed to the transport,
 * or rejects as soon as the stream is gone (a write on a cancelled call may otherwise
 * never call back, and whoever awaits it, such as a JetStream handler, would hang).
 */
export function streamWriter<TReq, TRes>(
  call: ServerDuplexStream<TReq, TRes>,
): { write(message: TRes): Promise<void>; readonly gone: Promise<void>; isGone(): boolean } {
  let isGone = false;
  const gone = new Promise<void>((resolve) => {
    const leave = () => {
      isGone = true;
      resolve();
    };
    call.once('cancelled', leave);
    call.once('close', leave);
    call.once('finish', leave);
  });
  const closed = gone.then(() => {
    throw new StreamClosedError('the client stream is closed');
  });
  closed.catch(() => undefined);
  return {
    gone,
    isGone: () => isGone || call.cancelled,
    write: (message) => {
      if (isGone || call.cancelled)
        return Promise.reject(new StreamClosedError('the client stream is closed'));
      const written = new Promise<void>((resolve, reject) => {
        call.write(message, (error?: Error | null) => (error ? reject(error) : resolve()));
      });
      return Promise.race([written, closed]);
    },
  };
}
