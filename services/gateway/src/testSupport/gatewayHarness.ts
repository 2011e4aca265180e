import { type Bus, connectBus, ensureStreams } from '@warmline/bus';
import { streams } from '@warmline/contracts';
import { createLogger, type Logger } from '@warmline/telemetry';
import { type NatsServerHandle, startNatsServer } from '@warmline/testing';
import { type AppDeps, createApp, type GatewayApp } from '../app';
import type { GatewayObserver } from '../calls/callTypes';
import type { CarrierAccounts, NumberRoute } from '../settings/carrierSettings';
import { FakeCallControl, type FakeCallControlOptions } from './fakeCallControl';
import { testAccounts } from './testCarrierSettings';
import { type TestCallers, testCallers } from './testCallers';
import { testGatewayConfig } from './testGatewayConfig';

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
export interface GatewayHarness extends TestCallers {
  readonly nats: NatsServerHandle;
  readonly app: GatewayApp;
  readonly port: number;
  /** The gateway's own bus connection (named `gateway-test`). */
  readonly gatewayBus: Bus;
  /** The test's bus connection (plays call-control, tts, stt). */
  readonly testBus: Bus;
  readonly callControl: FakeCallControl;
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
    config: testGatewayConfig({
      accounts,
      ...(options.numbers ? { numbers: options.numbers } : {}),
      ...(options.pacing ? { pacing: options.pacing } : {}),
    }),
  });
  const { port } = await app.start();
  const callControl = await FakeCallControl.start(testBus, options.callControl);

  return {
    nats,
    app,
    port,
    gatewayBus,
    testBus,
    callControl,
    ...testCallers(port, accounts),
    stop: async () => {
      await callControl.stop();
      await app.stop();
      await gatewayBus.close();
      await testBus.close();
      if (!options.nats) await nats.stop();
    },
  };
};
