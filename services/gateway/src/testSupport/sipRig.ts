import { type Bus, connectBus } from '@warmline/bus';
import { createLogger } from '@warmline/telemetry';
import { type NatsServerHandle, startNatsServer } from '@warmline/testing';
import { type ActiveCall, WarmlineClient, WarmlineClientConfig, events } from '@warmline/sdk';
import { type GatewayApp, createApp } from '../app';
import type { SipRoute } from '../sipCalls/sipSettings';
import { type CallControlProcess, startCallControlProcess } from './realCallControl';
import { testGatewayConfig } from './testGatewayConfig';

/** The API key the rig's SDK client uses. */
export const SIP_TEST_API_KEY = 'sip-test-key';

/** Options of {@link startSipRig}. */
export interface SipRigOptions {
  /** Gateway SIP routes (user → connector, allowlist). */
  readonly routes: readonly SipRoute[];
  /** call-control's connector → callee destination (what connect() rings). */
  readonly calleeDestinations: Readonly<Record<string, string>>;
  readonly contextUrlBase?: string;
  readonly trunkCredentials?: { username: string; password: string };
  readonly rtpLatching?: boolean;
}

/**
 * A loopback SIP rig: nats-server, the **real call-control** process (`src/main.ts` of
 * services/call-control), the gateway app with SIP on (UDP+TCP, any free ports), and an
 * @warmline/sdk client playing the application. Every call delivered to the client is kept.
 */
export interface SipRig {
  readonly nats: NatsServerHandle;
  readonly callControl: CallControlProcess;
  readonly app: GatewayApp;
  readonly sipPort: number;
  readonly client: WarmlineClient;
  /** Calls delivered to the SDK client, in order. */
  readonly calls: ActiveCall[];
  stop(): Promise<void>;
}

export const startSipRig = async (options: SipRigOptions): Promise<SipRig> => {
  const nats = await startNatsServer();
  const cleanup: (() => Promise<unknown>)[] = [() => nats.stop()];
  try {
    return await startOnNats(nats, options, cleanup);
  } catch (error) {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    throw error;
  }
};

const startOnNats = async (
  nats: NatsServerHandle,
  options: SipRigOptions,
  cleanup: (() => Promise<unknown>)[],
): Promise<SipRig> => {
  const connectors = [...new Set(options.routes.map((r) => r.connectorId))];
  const callControl = await startCallControlProcess(nats.url, {
    apiKeys: { [SIP_TEST_API_KEY]: connectors },
    calleeDestinations: options.calleeDestinations,
    gatewayTimeout: '5s',
  });
  cleanup.push(() => callControl.stop());
  const bus: Bus = await connectBus({ servers: nats.url, name: 'gateway-sip-test' });
  cleanup.push(() => bus.drain());
  const app = createApp({
    bus,
    logger: createLogger({ service: 'gateway', level: process.env.SIP_TEST_LOG ?? 'silent' }),
    config: testGatewayConfig({
      gatewayId: 'gateway-sip-test',
      startTimeoutMs: 5_000,
      jitterDepthMs: 60,
      sip: {
        host: '127.0.0.1',
        port: 0,
        transports: ['UDP', 'TCP'],
        publicAddress: '127.0.0.1',
        rtpPorts: { min: 0, max: 0 },
        rtpLatching: options.rtpLatching ?? false,
        routes: options.routes,
        ...(options.contextUrlBase ? { contextUrlBase: options.contextUrlBase } : {}),
        ...(options.trunkCredentials ? { trunkCredentials: options.trunkCredentials } : {}),
      },
    }),
  });
  const { sipPort } = await app.start();
  cleanup.push(() => app.stop());
  const client = new WarmlineClient(
    WarmlineClientConfig.sandbox({
      apiKey: SIP_TEST_API_KEY,
      address: callControl.address,
      connectorIds: connectors,
      sampleRate: 16000,
    }),
  );
  cleanup.push(() => client.close());
  const calls: ActiveCall[] = [];
  client.on(events.INCOMING_CALL, (call) => void calls.push(call));
  await client.ready();
  await new Promise((resolve) => setTimeout(resolve, 200)); // delivery starts just after ready
  return {
    nats,
    callControl,
    app,
    sipPort: sipPort ?? 0,
    client,
    calls,
    stop: async () => {
      await client.close();
      await app.stop();
      await bus.drain();
      await callControl.stop();
      await nats.stop();
    },
  };
};
