/** The socket under a carrier stream, as the stream logic needs it. */
export interface StreamSocket {
  /** Sends one text frame if the socket is still open (else drops it). */
  send(text: string): void;
  /** Closes with a WebSocket close code and a short reason (at most 123 bytes). */
  close(code: number, reason: string): void;
}
