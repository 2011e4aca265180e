import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { CarrierStreamConnection } from '../../streams/carrierStreamConnection';
import type { StreamSocket } from '../../streams/streamSocket';

/** A carrier that stops reading is cut off once this much is waiting to be sent (about 30 s of media frames). */
const MAX_BUFFERED_BYTES = 512 * 1024;

/**
 * A `ws` socket as the stream logic's {@link StreamSocket}. A peer that stops
 * reading is terminated (the stream then ends as media lost) rather than
 * buffered without bound. Frames sent in
 * one turn of the event loop (a media frame and the mark after it) leave in
 * one write: the raw socket is corked on the first send and uncorked on the
 * next tick.
 */
export const wsStreamSocket = (ws: WebSocket, raw: Duplex): StreamSocket => {
  let corked = false;
  const flush = (): void => {
    corked = false;
    raw.uncork();
  };
  return {
    send: (text) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.terminate();
        return;
      }
      if (!corked) {
        corked = true;
        raw.cork();
        process.nextTick(flush);
      }
      ws.send(text);
    },
    close: (code, reason) => {
      if (ws.readyState !== WebSocket.OPEN && ws.readyState !== WebSocket.CONNECTING) return;
      ws.close(code, reason);
      // a peer that never answers the close handshake is cut off
      const cutOff = setTimeout(() => ws.terminate(), 2_000);
      ws.once('close', () => clearTimeout(cutOff));
    },
  };
};

/** Feeds a `ws` socket's events to a stream connection. */
export const bindStreamConnection = (ws: WebSocket, connection: CarrierStreamConnection): void => {
  ws.on('message', (data, isBinary) => {
    if (isBinary) connection.binary();
    else
      connection.text(
        Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Buffer.concat(data as Buffer[]).toString('utf8'),
      );
  });
  ws.on('error', (error) => connection.socketError(error.message));
  ws.on('close', (code) => connection.socketClosed(code));
};
