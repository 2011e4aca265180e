import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { type Readiness, readinessReport } from './readiness';
import { MetricsServerError } from './telemetryErrors';

/** Where the ops endpoints listen by default: loopback only. Kubernetes sets `METRICS_HOST=0.0.0.0`. */
export const DEFAULT_OPS_HOST = '127.0.0.1';

/** A running ops server: `/metrics`, `/healthz`, `/readyz`. */
export interface OpsServer {
  /** `http://<host>:<port>`, with the actual port when 0 was asked for. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

const listen = (server: Server, port: number, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

const json = (response: ServerResponse, status: number, body: unknown): void => {
  response
    .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
};

const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * Serves a service's operational endpoints on one port:
 * - `GET /metrics`: the Prometheus exporter's text;
 * - `GET /healthz`: 200 while the process runs (liveness);
 * - `GET /readyz`: 200 when `readiness` says every check passes and the
 *   service is not draining, else 503; the body names each check.
 *
 * The exporter's own server is not used: it reads port 0 as "9464" and binds
 * every interface. This one binds `host` (loopback unless told otherwise) and
 * reports the port it got.
 *
 * @throws {@link MetricsServerError} when the port cannot be bound.
 */
export const startOpsServer = async (
  exporter: PrometheusExporter,
  readiness: Readiness,
  port: number,
  host: string = DEFAULT_OPS_HOST,
): Promise<OpsServer> => {
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = request.url?.split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    switch (path) {
      case '/metrics':
        exporter.getMetricsRequestHandler(request, response);
        return;
      case '/healthz':
        json(response, 200, { status: 'alive' });
        return;
      case '/readyz': {
        const report = await readinessReport(readiness);
        json(response, report.ready ? 200 : 503, report);
        return;
      }
      default:
        response.writeHead(404).end();
    }
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) json(response, 503, { ready: false, error: 'check failed' });
      else response.end();
    });
  });
  const actualPort = await listen(server, port, host).catch((cause: unknown) => {
    throw new MetricsServerError(port, host, { cause });
  });
  return {
    baseUrl: `http://${urlHost(host)}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
};
