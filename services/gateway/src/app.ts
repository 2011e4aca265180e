import { type Meter, metrics } from '@opentelemetry/api';
import type { Bus } from '@warmline/bus';
import { createHopRecorder, type Logger } from '@warmline/telemetry';
import { publicUrls } from './adapters/http/publicUrls';
import { type GatewayServer, startGatewayServer } from './adapters/http/gatewayServer';
import { natsGatewayBus } from './adapters/natsGatewayBus';
import { CallRegistry } from './calls/callRegistry';
import type { GatewayObserver } from './calls/callTypes';
import type { GatewayConfig } from './config';
import { MediaClock } from './media/clock/mediaClock';
import { clockedPacers } from './media/pacing/clockedPacer';
import { timerPacers } from './media/pacing/timerPacer';
import { observeCallsActive, outboundLatenessRecorder } from './telemetry/gatewayMetrics';
import { TurnTraces } from './telemetry/turnTraces';
import { SipUserAgent } from './sipCalls/sipUserAgent';

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
  /** Where the contract metrics go (default: the global meter provider's `gateway` meter). */
  readonly meter?: Meter;
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
  /** SIP calls held, live transactions and dialogs (0 when SIP is off). */
  readonly sipCalls: number;
  readonly sipTransactions: number;
  readonly sipDialogs: number;
  readonly rtpSockets: number;
  /** RTP packets dropped for coming from an unexpected address. */
  readonly rtpUnexpectedSource: number;
}

/** The gateway service. */
export interface GatewayApp {
  /** Listens; resolves with the port (useful when configured as 0) and the SIP port when SIP is on. */
  start(): Promise<{ readonly port: number; readonly sipPort?: number }>;
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
  const meter = deps.meter ?? metrics.getMeter('gateway');
  const traces = new TurnTraces(createHopRecorder(meter));
  const recordLateness = outboundLatenessRecorder(meter);
  const callDeps = {
    bus: natsGatewayBus(deps.bus, { logger, startTimeoutMs: config.startTimeoutMs, traces }),
    logger,
    gatewayId: config.gatewayId,
    observer: {
      ...deps.observer,
      outboundFrame: (latenessMs: number) => {
        recordLateness(latenessMs);
        deps.observer?.outboundFrame?.(latenessMs);
      },
    },
    media: {
      jitterDepthMs: config.jitterDepthMs,
      markEveryFrames: config.markEveryFrames,
      pacers: config.pacing === 'per-call-timer' ? timerPacers : clockedPacers(clock),
      clock,
    },
  };
  const calls = new CallRegistry(callDeps);
  const sip = config.sip ? new SipUserAgent(config.sip, callDeps) : undefined;
  let server: GatewayServer | undefined;
  observeCallsActive(meter, () => calls.size + (sip?.stats.calls ?? 0));

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
      const sipPort = sip ? await sip.start() : undefined;
      if (sipPort !== undefined) logger.info({ sipPort }, 'sip listening');
      logger.info({ port: server.port, gatewayId: config.gatewayId }, 'gateway listening');
      return sipPort === undefined ? { port: server.port } : { port: server.port, sipPort };
    },
    stop: async () => {
      await calls.shutdown();
      await sip?.stop();
      await server?.close();
      clock.stop();
      logger.info('gateway stopped');
    },
    settled: async () => {
      await calls.settled();
      await sip?.settled();
    },
    get stats() {
      return {
        calls: calls.size,
        openStreams: server?.openStreams ?? 0,
        clockMembers: clock.size,
        clockArmed: clock.armed,
        sipCalls: sip?.stats.calls ?? 0,
        sipTransactions: sip?.stats.transactions ?? 0,
        sipDialogs: sip?.stats.dialogs ?? 0,
        rtpSockets: sip?.stats.rtpSockets ?? 0,
        rtpUnexpectedSource: sip?.stats.rtpUnexpectedSource ?? 0,
      };
    },
  };
};
