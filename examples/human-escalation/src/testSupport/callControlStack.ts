import { type Bus, connectBus } from '@warmline/bus';
import { type App, createApp, loadCallControlConfig } from '@warmline/call-control';
import { createLogger } from '@warmline/telemetry';
import { type NatsServerHandle, startNatsServer } from '@warmline/testing';
import { GatewayContractParticipant } from './gatewayContractParticipant';

/** The API key the test call-control accepts (connector `support`). */
export const TEST_API_KEY = 'example-test-key';
/** The connector the test calls come in on. */
export const TEST_CONNECTOR = 'support';

/** Real nats-server + real call-control + the gateway contract participant. */
export interface CallControlStack {
  readonly address: string;
  readonly gateway: GatewayContractParticipant;
  stop(): Promise<void>;
}

/**
 * Starts nats-server (random port), call-control's `createApp` on a random loopback gRPC port
 * (SDK handler, API-key auth) and a gateway contract participant. `stop` ends all three.
 */
export async function startCallControlStack(): Promise<CallControlStack> {
  const nats: NatsServerHandle = await startNatsServer();
  let app: App | undefined;
  let bus: Bus | undefined;
  try {
    const config = loadCallControlConfig({
      NATS_URL: nats.url,
      CALL_CONTROL_GRPC_ADDRESS: '127.0.0.1:0',
      CALL_CONTROL_API_KEYS: JSON.stringify({ [TEST_API_KEY]: [TEST_CONNECTOR] }),
      CALL_CONTROL_DEFAULT_HANDLER: 'SDK',
      CALL_CONTROL_CALLEE_DESTINATIONS: JSON.stringify({ [TEST_CONNECTOR]: 'sip:desk@pbx.test' }),
      CALL_CONTROL_HEARTBEAT_INTERVAL: '1s',
      CALL_CONTROL_GATEWAY_TIMEOUT: '2s',
      LOG_LEVEL: 'warn',
    });
    app = createApp({ config, log: createLogger({ service: 'call-control', level: 'warn' }) });
    const { grpcPort } = await app.start();
    bus = await connectBus({ servers: nats.url, name: 'example-test-gateway' });
    const gateway = await GatewayContractParticipant.start(bus);
    const started = { app, bus };
    return {
      address: `127.0.0.1:${grpcPort}`,
      gateway,
      stop: async () => {
        await gateway.stop();
        await started.app.stop();
        await started.bus.close();
        await nats.stop();
      },
    };
  } catch (error) {
    await app?.stop();
    await bus?.close();
    await nats.stop();
    throw error;
  }
}
