import {
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import type { ConnectionOptions, NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';

/** Options for {@link connectBus}. Durations are in milliseconds. */
export interface BusOptions {
  /** One or more `nats://host:port` URLs. */
  readonly servers: string | readonly string[];
  /** Connection name shown by the server (`nats server report connections`): the service name. */
  readonly name: string;
  /** Reconnect attempts before giving up; -1 (default) keeps trying for the life of the process. */
  readonly maxReconnectAttempts?: number;
  /** Wait between attempts to the same server (default 1000; nats.js adds jitter). */
  readonly reconnectTimeWaitMs?: number;
  /** Ping interval; a dead server is noticed after about 2 missed pings (default 10 000). */
  readonly pingIntervalMs?: number;
  /** Timeout for the first connect and for JetStream API calls (default 5000). */
  readonly timeoutMs?: number;
  /** Anything else nats.js accepts (credentials, TLS, ...). The settings above win. */
  readonly connection?: Partial<ConnectionOptions>;
}

/** A live connection to NATS with JetStream clients, shared by everything in a process. */
export interface Bus {
  readonly name: string;
  /** Default timeout for JetStream API calls and PubAcks. */
  readonly timeoutMs: number;
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  /** Lets subscriptions finish what they hold, flushes, then closes. Use on SIGTERM. */
  drain(): Promise<void>;
  /** Closes at once; pending requests fail. */
  close(): Promise<void>;
  /** Resolves when the connection is closed (with the error that closed it, if any). */
  closed(): Promise<void | Error>;
}

/**
 * Connects to NATS with settings for long-running services: reconnect forever
 * with jitter, buffer publishes while reconnecting, ping every 10 s. Throws the
 * nats.js connection error when no server is reachable at start.
 */
export const connectBus = async (options: BusOptions): Promise<Bus> => {
  const timeout = options.timeoutMs ?? 5_000;
  const nc = await connect({
    ...options.connection,
    servers: [...(typeof options.servers === 'string' ? [options.servers] : options.servers)],
    name: options.name,
    timeout,
    maxReconnectAttempts: options.maxReconnectAttempts ?? -1,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? 1_000,
    pingInterval: options.pingIntervalMs ?? 10_000,
    maxPingOut: 2,
  });
  try {
    const jsm = await jetstreamManager(nc, { timeout });
    const js = jetstream(nc, { timeout });
    return {
      name: options.name,
      timeoutMs: timeout,
      nc,
      js,
      jsm,
      drain: () => (nc.isClosed() ? Promise.resolve() : nc.drain()),
      close: () => nc.close(),
      closed: () => nc.closed(),
    };
  } catch (error) {
    await nc.close();
    throw error;
  }
};
