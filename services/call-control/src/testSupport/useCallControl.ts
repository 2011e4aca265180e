import { type Bus, connectBus } from '@warmline/bus';
import { createLogger } from '@warmline/telemetry';
import { type NatsServerHandle, startNatsServer } from '@warmline/testing';
import { type App, createApp } from '../app';
import type { CallControlConfig } from '../config';
import { FakeGateway } from './fakeGateway';
import { SdkTestClient } from './sdkTestClient';
import { TEST_API_KEY, testConfig } from './testConfig';

/** What a test file gets from {@link useCallControl}. */
export interface CallControlFixture {
  readonly server: NatsServerHandle;
  readonly bus: Bus;
  readonly gateway: FakeGateway;
  readonly address: string;
  /** A new SDK client (closed in afterAll); the test API key unless another is given. */
  client(apiKey?: string | null, address?: string): SdkTestClient;
  /** Starts another call-control replica on the same nats-server; returns its gRPC address. */
  startReplica(): Promise<{ readonly address: string; stop(): Promise<void> }>;
}

/**
 * One real nats-server, the real call-control app (createApp) and a fake gateway per test
 * file; everything is stopped in afterAll.
 */
export function useCallControl(
  configure: Partial<CallControlConfig> | (() => Partial<CallControlConfig>) = {},
) {
  let overrides: Partial<CallControlConfig> = {};
  let server: NatsServerHandle | undefined;
  let bus: Bus | undefined;
  let gateway: FakeGateway | undefined;
  let app: App | undefined;
  const replicas: App[] = [];
  let address = '';
  const log = createLogger({ service: 'call-control-test', level: 'error' });
  const clients: SdkTestClient[] = [];

  beforeAll(async () => {
    overrides = typeof configure === 'function' ? configure() : configure;
    server = await startNatsServer();
    app = createApp({ config: testConfig(server.url, overrides), log });
    const { grpcPort } = await app.start();
    address = `127.0.0.1:${grpcPort}`;
    bus = await connectBus({ servers: server.url, name: 'test-gateway' });
    gateway = await FakeGateway.start(bus);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await gateway?.stop();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await app?.stop();
    await bus?.close();
    await server?.stop();
  });

  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('use the fixture inside a test');
    return value;
  };
  const fixture: CallControlFixture = {
    get server() {
      return need(server);
    },
    get bus() {
      return need(bus);
    },
    get gateway() {
      return need(gateway);
    },
    get address() {
      return address;
    },
    client: (apiKey = TEST_API_KEY, at = address) => {
      const client = new SdkTestClient(at, apiKey);
      clients.push(client);
      return client;
    },
    startReplica: async () => {
      const replica = createApp({ config: testConfig(need(server).url, overrides), log });
      replicas.push(replica);
      const { grpcPort } = await replica.start();
      return { address: `127.0.0.1:${grpcPort}`, stop: () => replica.stop() };
    },
  };
  return fixture;
}
