import type { Bus } from '@warmline/bus';
import type { Logger } from '@warmline/telemetry';
import { publicUrls } from './adapters/http/publicUrls';
import { type GatewayServer, startGatewayServer } from './adapters/http/gatewayServer';
import { natsGatewayBus } from './adapters/natsGatewayBus';
import { CallRegistry } from './calls/callRegistry';
import type { GatewayObserver } from './calls/callTypes';
import type { GatewayConfig } from './config';
import { MediaClock } from './media/clock/mediaClock';
import { clockedPacers } from './media/pacing/clockedPacer';
import { timerPacers } from './media/pacing/timerPacer';

/** What the gateway needs from its process. */
export interface AppDeps {
  readonly config: Omit<
    GatewayConfig,
    'natsUrl' | 'logLevel' | 'logPii' | 'otlpEndpoint' | 'metricsPort'
  >;
  /** A connected bus; the caller closes it after `stop()`. */
  readonly bus: Bus;
  readonly logger: Logger;
  readonly observer?: GatewayObserver;
}

/** What a running gateway holds, for health checks and leak checks. */
export interface GatewayStats {
  /** Calls held. */
  readonly calls: number;
  /** Carrier WebSocket connections open. */
  readonly openStreams: number;
  /** Pacers and jitter buffers waiting on the shared media clock. */
  readonly clockMembers: number;
  /** Whether the shared clock's timer is armed. */
  readonly clockArmed: boolean;
}

/** The gateway service. */
export interface GatewayApp {
  /** Listens; resolves with the port (useful when configured as 0). */
  start(): Promise<{ readonly port: number }>;
  /** Ends every call (reported as media lost), closes every socket, timer and subscription. */
  stop(): Promise<void>;
  /** Waits until every ended call has finished its teardown. */
  settled(): Promise<void>;
  readonly stats: GatewayStats;
}

/**
 * The gateway: carrier media streams (Twilio, Telnyx) in on one HTTP port,
 * each call's media through a transport-neutral session, call-control and
 * the media subjects on NATS. Streams must already exist on JetStream
 * (GATEWAY_SIGNALS is created by call-control and the deployment).
 */
export const createApp = (deps: AppDeps): GatewayApp => {
  const { config, logger } = deps;
  const clock = new MediaClock({
    onError: (error) => logger.error({ err: error }, 'media clock member failed'),
  });
  const urls = publicUrls(config.publicBaseUrl);
  const calls = new CallRegistry({
    bus: natsGatewayBus(deps.bus, { logger, startTimeoutMs: config.startTimeoutMs }),
    logger,
    gatewayId: config.gatewayId,
    observer: deps.observer,
    media: {
      jitterDepthMs: config.jitterDepthMs,
      markEveryFrames: config.markEveryFrames,
      pacers: config.pacing === 'per-call-timer' ? timerPacers : clockedPacers(clock),
      clock,
    },
  });
  let server: GatewayServer | undefined;

  return {
    start: async () => {
      server = await startGatewayServer({
        host: config.host,
        port: config.port,
        accounts: config.accounts,
        routes: config.numbers,
        calls,
        urls,
        logger,
      });
      logger.info({ port: server.port, gatewayId: config.gatewayId }, 'gateway listening');
      return { port: server.port };
    },
    stop: async () => {
      await calls.shutdown();
      await server?.close();
      clock.stop();
      logger.info('gateway stopped');
    },
    settled: () => calls.settled(),
    get stats() {
      return {
        calls: calls.size,
        openStreams: server?.openStreams ?? 0,
        clockMembers: clock.size,
        clockArmed: clock.armed,
      };
    },
  };
};
