import { randomInt } from 'node:crypto';
import { type Bus, connectBus } from '@warmline/bus';
import { createLogger } from '@warmline/telemetry';
import {
  CarrierCaller,
  type CarrierCallerOptions,
  type NatsServerHandle,
  startNatsServer,
} from '@warmline/testing';
import { createApp, type GatewayApp } from '../app';
import { CallEventLog } from './callEventLog';
import { TEST_PUBLIC_BASE_URL } from './gatewayHarness';
import { type CallControlProcess, startCallControlProcess } from './realCallControl';
import { testAccounts, testNumbers, testParties } from './testCarrierSettings';
import { TestApplication } from './testApplication';

/** The NATS connection name of the gateway under test (for the subscription leak check). */
export const GATEWAY_CONNECTION = 'gateway-test';

/**
 * The gateway (in this process, so its stats can be checked for leaks) between carrier-protocol
 * callers and the **real** call-control (a child process) with an @warmline/sdk application,
 * on a real nats-server.
 */
export interface RealCallHarness {
  readonly nats: NatsServerHandle;
  readonly app: GatewayApp;
  readonly port: number;
  /** The test's own bus connection: observes media subjects and reads call events. */
  readonly testBus: Bus;
  readonly callControl: CallControlProcess;
  readonly application: TestApplication;
  /** `evt.call.<id>` as call-control wrote it. */
  readonly events: CallEventLog;
  /** A Twilio-protocol caller from a fresh number, signed with the test account's Auth Token. */
  twilioCaller(overrides?: Partial<CarrierCallerOptions>, start?: boolean): Promise<CarrierCaller>;
  /** A Telnyx-protocol caller from a fresh number with the test application's streaming token. */
  telnyxCaller(overrides?: Partial<CarrierCallerOptions>, start?: boolean): Promise<CarrierCaller>;
  stop(): Promise<void>;
}

/** A caller number no other call of the run uses, so the application can tell calls apart. */
const freshCallerNumber = (): string => `+1555${String(randomInt(1_000_000, 9_999_999))}`;

/** Starts nats-server, call-control (process), the gateway app and the SDK application. */
export const startRealCallHarness = async (
  options: { autoAnswer?: boolean; carrierApiBaseUrl?: string } = {},
): Promise<RealCallHarness> => {
  const nats = await startNatsServer();
  const stack: (() => Promise<void>)[] = [() => nats.stop()];
  const unwind = async () => {
    for (const stop of stack.reverse()) await stop();
  };
  try {
    const callControl = await startCallControlProcess(nats.url); // creates the JetStream streams
    stack.push(() => callControl.stop());
    const gatewayBus = await connectBus({ servers: nats.url, name: GATEWAY_CONNECTION });
    stack.push(() => gatewayBus.close());
    const testBus = await connectBus({ servers: nats.url, name: 'gateway-test-observer' });
    stack.push(() => testBus.close());
    const accounts = testAccounts(options.carrierApiBaseUrl);
    const app = createApp({
      bus: gatewayBus,
      logger: createLogger({ service: 'gateway', level: 'silent' }),
      config: {
        gatewayId: 'gateway-test',
        host: '127.0.0.1',
        port: 0,
        publicBaseUrl: TEST_PUBLIC_BASE_URL,
        accounts,
        numbers: testNumbers,
        startTimeoutMs: 2_000,
        // deeper than production (60 ms): on a shared test machine a stalled test process must
        // not make an out-of-order frame arrive after the gateway already concealed it
        jitterDepthMs: 250,
        markEveryFrames: 5,
        pacing: 'shared-clock',
      },
    });
    const { port } = await app.start();
    stack.push(() => app.stop());
    const application = await TestApplication.start(callControl.address, options);
    stack.push(() => application.close());
    const twilio = accounts.twilio[0];
    const telnyx = accounts.telnyx[0];
    return {
      nats,
      app,
      port,
      testBus,
      callControl,
      application,
      events: new CallEventLog(testBus),
      twilioCaller: (overrides = {}, start = true) =>
        CarrierCaller.dial(
          {
            carrier: 'twilio',
            url: `ws://127.0.0.1:${port}/twilio/stream`,
            signedUrl: `${TEST_PUBLIC_BASE_URL.replace(/^https/, 'wss')}/twilio/stream`,
            authToken: twilio?.authToken,
            accountId: twilio?.accountSid ?? 'AC-none',
            ...testParties.twilio,
            from: freshCallerNumber(),
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
            from: freshCallerNumber(),
            ...overrides,
          },
          start,
        ),
      stop: unwind,
    };
  } catch (error) {
    await unwind();
    throw error;
  }
};
