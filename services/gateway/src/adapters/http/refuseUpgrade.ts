import type { Duplex } from 'node:stream';

const reasons: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
};

/** Answers a WebSocket upgrade with a plain HTTP error and closes the connection; nothing else happens. */
export const refuseUpgrade = (socket: Duplex, status: 400 | 403 | 404): void => {
  socket.on('error', () => undefined);
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
  setTimeout(() => socket.destroy(), 100).unref();
};
