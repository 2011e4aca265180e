import type { ServerResponse } from 'node:http';

/** Open Server-Sent Events connections of the desk. */
export interface SseHub {
  /** Takes over `res` as an event stream and sends `first` events on it. */
  attach(res: ServerResponse, first: readonly SseEvent[]): void;
  /** Sends an event to every open connection. */
  broadcast(event: SseEvent): void;
  /** Ends every connection (at shutdown). */
  closeAll(): void;
  readonly size: number;
}

/** One event: a name and a JSON-serialisable payload. */
export interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

const HEARTBEAT_MS = 15_000;

const frame = ({ event, data }: SseEvent): string =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Server-Sent Events for the desk's live list: each connection gets its first events, then every
 * broadcast; a comment line every 15 s keeps proxies from closing an idle stream. Browsers
 * reconnect by themselves (`retry: 2000`), and each reconnection starts with a fresh snapshot.
 */
export const createSseHub = (): SseHub => {
  const open = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const res of open) res.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    attach: (res, first) => {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      for (const event of first) res.write(frame(event));
      open.add(res);
      res.on('close', () => open.delete(res));
    },
    broadcast: (event) => {
      const text = frame(event);
      for (const res of open) res.write(text);
    },
    closeAll: () => {
      clearInterval(heartbeat);
      for (const res of open) res.end();
      open.clear();
    },
    get size() {
      return open.size;
    },
  };
};
