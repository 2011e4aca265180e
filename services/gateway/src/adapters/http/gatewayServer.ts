import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { telnyxDialect } from '../../carriers/telnyx/telnyxDialect';
import { twilioDialect } from '../../carriers/twilio/twilioDialect';
import { telnyxAccountOf, twilioAccountOf } from '../../security/authenticateUpgrade';
import type { CarrierAccounts } from '../../settings/carrierSettings';
import {
  CarrierStreamConnection,
  type StreamConnectionDeps,
} from '../../streams/carrierStreamConnection';
import type { StreamAccount } from '../../streams/streamAccount';
import { paths } from './publicUrls';
import { refuseUpgrade } from './refuseUpgrade';
import { telnyxCalleeEventsRoute } from './telnyxCalleeEventsRoute';
import { twilioCalleeStatusRoute } from './twilioCalleeStatusRoute';
import { bindStreamConnection, wsStreamSocket } from './wsStreamSocket';

/** Settings of the gateway's HTTP/WebSocket server. */
export interface GatewayServerOptions extends StreamConnectionDeps {
  readonly host: string;
  readonly port: number;
  readonly accounts: CarrierAccounts;
  /** Largest WebSocket message accepted (default 64 KiB; a 20 ms media frame is under 1 KiB). */
  readonly maxMessageBytes?: number;
}

/** A running gateway server. */
export interface GatewayServer {
  readonly port: number;
  /** Open carrier sockets. */
  readonly openStreams: number;
  /** Closes every socket and the listener. */
  close(): Promise<void>;
}

/** Handles one carrier callback request. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const pathOf = (req: IncomingMessage): string => new URL(req.url ?? '/', 'http://gateway').pathname;

/**
 * One port for everything carriers reach: Twilio and Telnyx media WebSockets
 * (authenticated on the upgrade, before any frame is read) and carrier
 * callbacks. An upgrade without valid credentials is answered 403 and closed:
 * no stream, no call, no event.
 */
export const startGatewayServer = async (options: GatewayServerOptions): Promise<GatewayServer> => {
  const { logger, accounts, urls } = options;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? 64 * 1024,
  });
  const posts = new Map<string, RequestHandler>([
    [
      paths.twilioCalleeStatus,
      twilioCalleeStatusRoute({ calls: options.calls, accounts, urls, logger }),
    ],
    [paths.telnyxCalleeEvents, telnyxCalleeEventsRoute({ calls: options.calls, accounts, logger })],
  ]);

  const accept = (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    stream: StreamAccount,
  ): void => {
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const dialect = stream.carrier === 'twilio' ? twilioDialect : telnyxDialect;
      bindStreamConnection(
        ws,
        new CarrierStreamConnection(options, dialect, stream, wsStreamSocket(ws, socket)),
      );
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => undefined);
    const path = pathOf(req);
    if (path === paths.twilioStream) {
      const account = twilioAccountOf(accounts, urls.stream(req.url ?? '/'), req.headers);
      if (!account) {
        logger.warn({ route: path }, 'stream upgrade refused: bad or missing signature');
        refuseUpgrade(socket, 403);
        return;
      }
      accept(req, socket, head, { carrier: 'twilio', account });
    } else if (path === paths.telnyxStream) {
      const account = telnyxAccountOf(accounts, req.headers);
      if (!account) {
        logger.warn({ route: path }, 'stream upgrade refused: bad or missing streaming token');
        refuseUpgrade(socket, 403);
        return;
      }
      accept(req, socket, head, { carrier: 'telnyx', account });
    } else {
      refuseUpgrade(socket, 404);
    }
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const path = pathOf(req);
    if (req.method === 'GET' && path === paths.health) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const handler = req.method === 'POST' ? posts.get(path) : undefined;
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler(req, res).catch((error: unknown) => {
      logger.warn({ err: error, route: path }, 'carrier callback failed');
      if (!res.headersSent) res.writeHead(400).end();
    });
  };

  const server: Server = createServer(onRequest);
  server.on('upgrade', onUpgrade);
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    get openStreams() {
      return wss.clients.size;
    },
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
