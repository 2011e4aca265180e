import { type Bus, connectBus } from '@warmline/bus';
import { type App, createApp, loadCallControlConfig } from '@warmline/call-control';
import { createLogger } from '@warmline/telemetry';
import { type NatsServerHandle, startNatsServer } from '@warmline/testing';
import { GatewayParticipant } from './gatewayParticipant';

/** The API key the real call-control accepts in these tests (connectors connector-1 and connector-2). */
export const REAL_API_KEY = 'sdk-test-key';

/** Mutual TLS for the real call-control: its certificate, and client CN → connectors. */
export interface RealCallControlTls {
  readonly certFile: string;
  readonly keyFile: string;
  readonly caFile: string;
  readonly clientConnectors: Readonly<Record<string, readonly string[]>>;
}

/** The real call-control app on a real nats-server, with a gateway test participant. */
export interface RealCallControl {
  readonly address: string;
  readonly gateway: GatewayParticipant;
  readonly bus: Bus;
  /** Stops call-control and starts a new instance on the same port and NATS (a restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts nats-server (JetStream, temporary store, random port), call-control's `createApp` on a
 * random loopback gRPC port, and a gateway participant on the bus. `stop` ends all three.
 */
export async function startRealCallControl(tls?: RealCallControlTls): Promise<RealCallControl> {
  const nats: NatsServerHandle = await startNatsServer();
  let app: App | undefined;
  let bus: Bus | undefined;
  try {
    const config = loadCallControlConfig({
      NATS_URL: nats.url,
      CALL_CONTROL_GRPC_ADDRESS: '127.0.0.1:0',
      CALL_CONTROL_API_KEYS: JSON.stringify({ [REAL_API_KEY]: ['connector-1', 'connector-2'] }),
      CALL_CONTROL_DEFAULT_HANDLER: 'SDK',
      CALL_CONTROL_CALLEE_DESTINATIONS: JSON.stringify({
        'connector-1': 'sip:frontdesk@pbx.test',
        'connector-2': 'sip:frontdesk@pbx.test',
      }),
      CALL_CONTROL_HEARTBEAT_INTERVAL: '1s',
      CALL_CONTROL_GATEWAY_TIMEOUT: '2s',
      LOG_LEVEL: 'warn',
      ...(tls
        ? {
            CALL_CONTROL_TLS_CERT_FILE: tls.certFile,
            CALL_CONTROL_TLS_KEY_FILE: tls.keyFile,
            CALL_CONTROL_TLS_CA_FILE: tls.caFile,
            CALL_CONTROL_TLS_CLIENT_CONNECTORS: JSON.stringify(tls.clientConnectors),
          }
        : {}),
    });
    const log = createLogger({ service: 'call-control', level: 'warn' });
    app = createApp({ config, log });
    const { grpcPort } = await app.start();
    bus = await connectBus({ servers: nats.url, name: 'sdk-test-gateway' });
    const gateway = await GatewayParticipant.start(bus);
    const started = { app, bus };
    return {
      address: `127.0.0.1:${grpcPort}`,
      gateway,
      bus,
      restart: async () => {
        await started.app.stop();
        started.app = createApp({
          config: { ...config, grpcAddress: `127.0.0.1:${grpcPort}` },
          log,
        });
        await started.app.start();
      },
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
