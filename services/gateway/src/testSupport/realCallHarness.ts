import { randomInt } from 'node:crypto';
import { type Bus, connectBus } from '@warmline/bus';
import { createLogger } from '@warmline/telemetry';
import { type NatsServerHandle, startNatsServer } from '@warmline/testing';
import { createApp, type GatewayApp } from '../app';
import { CallEventLog } from './callEventLog';
import { type CallControlProcess, startCallControlProcess } from './realCallControl';
import { TestApplication } from './testApplication';
import { testAccounts } from './testCarrierSettings';
import { type TestCallers, testCallers } from './testCallers';
import { testGatewayConfig } from './testGatewayConfig';

/** The NATS connection name of the gateway under test (for the subscription leak check). */
export const GATEWAY_CONNECTION = 'gateway-test';

/**
 * The gateway (in this process, so its stats can be checked for leaks) between carrier-protocol
 * callers and the **real** call-control (a child process) with an @warmline/sdk application,
 * on a real nats-server.
 */
export interface RealCallHarness extends TestCallers {
  readonly nats: NatsServerHandle;
  readonly app: GatewayApp;
  readonly port: number;
  /** The test's own bus connection: observes media subjects and reads call events. */
  readonly testBus: Bus;
  readonly callControl: CallControlProcess;
  readonly application: TestApplication;
  /** `evt.call.<id>` as call-control wrote it. */
  readonly events: CallEventLog;
  /** Callers (see {@link TestCallers}) each from a fresh number. */
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
      config: testGatewayConfig({ accounts }),
    });
    const { port } = await app.start();
    stack.push(() => app.stop());
    const application = await TestApplication.start(callControl.address, options);
    stack.push(() => application.close());
    return {
      nats,
      app,
      port,
      testBus,
      callControl,
      application,
      events: new CallEventLog(testBus),
      ...testCallers(port, accounts, freshCallerNumber),
      stop: unwind,
    };
  } catch (error) {
    await unwind();
    throw error;
  }
};
