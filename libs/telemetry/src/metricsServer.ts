import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MetricsServerError } from './telemetryErrors';

const HOST = '127.0.0.1';
const METRICS_PATH = '/metrics';

/** A running Prometheus scrape endpoint. */
export interface MetricsServer {
  /** `http://127.0.0.1:<port>/metrics`, with the actual port when 0 was asked for. */
  readonly url: string;
  close(): Promise<void>;
}

const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

/**
 * Serves the exporter's Prometheus text on loopback. The exporter's own server
 * is not used because it reads port 0 as "default port 9464" and binds to all
 * interfaces; this one binds 127.0.0.1 and reports the port it got.
 *
 * @throws {@link MetricsServerError} when the port cannot be bound.
 */
export const startMetricsServer = async (
  exporter: PrometheusExporter,
  port: number,
): Promise<MetricsServer> => {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === METRICS_PATH) {
      exporter.getMetricsRequestHandler(request, response);
      return;
    }
    response.writeHead(404).end();
  });
  const actualPort = await listen(server, port).catch((cause: unknown) => {
    throw new MetricsServerError(port, { cause });
  });
  return {
    url: `http://${HOST}:${actualPort}${METRICS_PATH}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
};
