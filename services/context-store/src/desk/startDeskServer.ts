import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@warmline/telemetry';
import type { EscalationFeed } from '../live/escalationFeed';
import type { ContextRepository } from '../ports';
import { handleDeskRequest } from './deskRoutes';
import { toDeskContext } from './deskView';
import { createSseHub } from './sseHub';
import { loadStaticFiles } from './staticFiles';

/** Dependencies of {@link startDeskServer}. */
export interface DeskDeps {
  /** `host:port` to listen on; port 0 picks a free one. */
  readonly address: string;
  readonly repository: ContextRepository;
  readonly feed: EscalationFeed;
  readonly log: Logger;
  /** Directory of the page's files (default: `src/desk/public`). */
  readonly publicDir?: string;
}

/** The running desk. */
export interface DeskServer {
  /** `http://host:port`. */
  readonly url: string;
  readonly liveConnections: number;
  stop(): Promise<void>;
}

/**
 * Serves the agent desk: a static page plus a small JSON API and a Server-Sent Events stream fed
 * by the projection's escalation feed, so a human sees escalations arrive live and, when their
 * phone rings, the whole context (the screen pop). It shows personal data: keep it on loopback or
 * behind an authenticating proxy.
 */
export const startDeskServer = async (deps: DeskDeps): Promise<DeskServer> => {
  const files = loadStaticFiles(deps.publicDir);
  const hub = createSseHub();
  const unsubscribe = deps.feed.subscribe((doc) =>
    hub.broadcast({ event: 'escalation', data: toDeskContext(doc) }),
  );
  const server = createServer((req, res) => {
    handleDeskRequest({ repository: deps.repository, hub, files }, req, res).catch(
      (error: unknown) => {
        deps.log.error({ err: error, 'url.path': req.url?.split('?')[0] }, 'desk request failed');
        if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'unavailable' }));
      },
    );
  });
  const colon = deps.address.lastIndexOf(':');
  const host = deps.address.slice(0, colon).replace(/^\[|\]$/g, '');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(deps.address.slice(colon + 1)), host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  deps.log.info({ 'url.full': url }, 'agent desk listening');
  return {
    url,
    get liveConnections() {
      return hub.size;
    },
    stop: async () => {
      unsubscribe();
      hub.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
