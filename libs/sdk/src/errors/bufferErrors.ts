import { WarmlineError, type WarmlineErrorOptions } from './warmlineError';

/**
 * The outgoing audio buffer has no room for the chunk (nothing of it was queued). This is
 * back-pressure, not teardown: wait for playback to drain it, or clear it, and send again.
 */
export class BufferFullError extends WarmlineError {
  override name = 'BufferFullError';

  constructor(
    /** Bytes the chunk needed. */
    readonly requestedBytes: number,
    /** Bytes free when it was refused. */
    readonly availableBytes: number,
    /** The buffer's capacity in bytes. */
    readonly capacityBytes: number,
  ) {
    super(
      `send buffer full: ${requestedBytes} bytes requested, ${availableBytes} of ${capacityBytes} free`,
      { retryable: true },
    );
  }
}

/** Audio was written after the call ended, the call was closed or detached, or the client closed. */
export class BufferClosedError extends WarmlineError {
  override name = 'BufferClosedError';

  constructor(
    message = 'the send buffer is closed: the call has ended',
    options: WarmlineErrorOptions = {},
  ) {
    super(message, options);
  }
}
