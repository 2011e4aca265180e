/** The gateway answered the WebSocket upgrade with an HTTP error instead of a stream. */
export class UpgradeRefusedError extends Error {
  override readonly name = 'UpgradeRefusedError';
  constructor(readonly status: number) {
    super(`the gateway refused the stream with HTTP ${status}`);
  }
}

/** The socket closed before the caller could start the stream. */
export class CallerClosedError extends Error {
  override readonly name = 'CallerClosedError';
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(`the stream closed (${code} ${reason})`);
  }
}
