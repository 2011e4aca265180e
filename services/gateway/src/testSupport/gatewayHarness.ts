import { type Bus, connectBus, ensureStreams } from '@warmline/bus';
import { streams } from '@warmline/contracts';
import { createLogger, type Logger } from '@warmline/telemetry';
import {
  CarrierCaller,
  type CarrierCallerOptions,
  type NatsServerHandle,
  startNatsServer,
} from '@warmline/testing';
import { type AppDeps, createApp, type GatewayApp } from '../app';
import type { GatewayObserver } from '../calls/callTypes';
import type { CarrierAccounts, NumberRoute } from '../settings/carrierSettings';
import { FakeCallControl, type FakeCallControlOptions } from './fakeCallControl';
import { testAccounts, testNumbers, testParties } from './testCarrierSettings';

/** The public base URL the test carriers are "configured" with (signatures cover it, not the loopback URL). */
export const TEST_PUBLIC_BASE_URL = 'https://gateway.warmline.test';

/** Options of {@link startGatewayHarness}. */
export interface HarnessOptions {
  readonly accounts?: CarrierAccounts;
  readonly numbers?: readonly NumberRoute[];
  readonly pacing?: AppDeps['config']['pacing'];
  readonly observer?: GatewayObserver;
  readonly callControl?: FakeCallControlOptions;
  readonly logger?: Logger;
  /** Reuse a running NATS server instead of starting one. */
  readonly nats?: NatsServerHandle;
}

/** A gateway on loopback with a real NATS server and a test call-control participant. */
export interface GatewayHarness {
  readonly nats: NatsServerHandle;
  readonly app: GatewayApp;
  readonly port: number;
  /** The gateway's own bus connection (named `gateway-test`). */
  readonly gatewayBus: Bus;
  /** The test's bus connection (plays call-control, tts, stt). */
  readonly testBus: Bus;
  readonly callControl: FakeCallControl;
  /** A Twilio-protocol caller, signed with the test account's Auth Token unless overridden. */
  twilioCaller(overrides?: Partial<CarrierCallerOptions>, start?: boolean): Promise<CarrierCaller>;
  /** A Telnyx-protocol caller with the test application's streaming token unless overridden. */
  telnyxCaller(overrides?: Partial<CarrierCallerOptions>, start?: boolean): Promise<CarrierCaller>;
  stop(): Promise<void>;
}

/** Starts NATS (JetStream), the streams the gateway contract uses, the gateway app and the test participant. */
export const startGatewayHarness = async (
  options: HarnessOptions = {},
): Promise<GatewayHarness> => {
  const nats = options.nats ?? (await startNatsServer());
  const gatewayBus = await connectBus({
    servers: nats.url,
    name: 'gateway-test',
    reconnectTimeWaitMs: 50,
  });
  const testBus = await connectBus({
    servers: nats.url,
    name: 'test-participant',
    reconnectTimeWaitMs: 50,
  });
  await ensureStreams(testBus, [streams.gatewaySignals, streams.callEvents], { storage: 'memory' });
  const accounts = options.accounts ?? testAccounts();
  const logger = options.logger ?? createLogger({ service: 'gateway', level: 'silent' });
  const app = createApp({
    bus: gatewayBus,
    logger,
    observer: options.observer,
    config: {
      gatewayId: 'gateway-test',
      host: '127.0.0.1',
      port: 0,
      publicBaseUrl: TEST_PUBLIC_BASE_URL,
      accounts,
      numbers: options.numbers ?? testNumbers,
      startTimeoutMs: 2_000,
      // deeper than production (60 ms): on a shared test machine a stalled test process must not
      // make an out-of-order frame arrive after the gateway already concealed it
      jitterDepthMs: 250,
      markEveryFrames: 5,
      pacing: options.pacing ?? 'shared-clock',
    },
  });
  const { port } = await app.start();
  const callControl = await FakeCallControl.start(testBus, options.callControl);
  const twilio = accounts.twilio[0];
  const telnyx = accounts.telnyx[0];

  return {
    nats,
    app,
    port,
    gatewayBus,
    testBus,
    callControl,
    twilioCaller: (overrides = {}, start = true) =>
      CarrierCaller.dial(
        {
          carrier: 'twilio',
          url: `ws://127.0.0.1:${port}/twilio/stream`,
          signedUrl: `${TEST_PUBLIC_BASE_URL.replace(/^https/, 'wss')}/twilio/stream`,
          authToken: twilio?.authToken,
          accountId: twilio?.accountSid ?? 'AC-none',
          ...testParties.twilio,
          ...overrides,
        },
        start,
      ),
    telnyxCaller: (overrides = {}, start = true) =>
      CarrierCaller.dial(
        {
          carrier: 'telnyx',
          url: `ws://127.0.0.1:${port}/telnyx/stream`,
          streamingToken: telnyx?.streamingAuthToken,
          accountId: telnyx?.userId ?? 'user-none',
          ...testParties.telnyx,
          ...overrides,
        },
        start,
      ),
    stop: async () => {
      await callControl.stop();
      await app.stop();
      await gatewayBus.close();
      await testBus.close();
      if (!options.nats) await nats.stop();
    },
  };
};
