import path from 'node:path';
import { type ManagedProcess, repoRoot, startTsProcess, waitForOutput } from '@warmline/testing';
import { testNumbers } from './testCarrierSettings';

/** The API key the test application (an @warmline/sdk client) presents to call-control. */
export const TEST_APP_API_KEY = 'gateway-test-app-key';

/** The connectors the test carrier numbers belong to (what the application serves). */
export const testConnectorIds: readonly string[] = testNumbers.map((n) => n.connectorId);

/** The real call-control (`services/call-control/src/main.ts`) as a child process. */
export interface CallControlProcess {
  readonly proc: ManagedProcess;
  /** Its gRPC address, for the SDK. */
  readonly address: string;
  stop(): Promise<void>;
}

/** Who call-control serves, when not the carrier test numbers' application. */
export interface CallControlProcessOptions {
  /** API key → the connectors it may serve (default: {@link TEST_APP_API_KEY} → every test connector). */
  readonly apiKeys?: Readonly<Record<string, readonly string[]>>;
  /** Connector → what connect() rings (default: each test number's first transfer destination). */
  readonly calleeDestinations?: Readonly<Record<string, string>>;
  /** How long call-control waits for the gateway's answer to an instruction (default `2s`). */
  readonly gatewayTimeout?: string;
}

/**
 * Starts call-control's `main.ts` on `natsUrl` (by default with every carrier test number
 * routed to SDK applications holding {@link TEST_APP_API_KEY}); resolves once its gRPC API
 * listens.
 */
export const startCallControlProcess = async (
  natsUrl: string,
  options: CallControlProcessOptions = {},
): Promise<CallControlProcess> => {
  const proc = startTsProcess(path.join('services', 'call-control', 'src', 'main.ts'), {
    cwd: repoRoot(),
    env: {
      NATS_URL: natsUrl,
      CALL_CONTROL_GRPC_ADDRESS: '127.0.0.1:0',
      CALL_CONTROL_API_KEYS: JSON.stringify(
        options.apiKeys ?? { [TEST_APP_API_KEY]: testConnectorIds },
      ),
      CALL_CONTROL_DEFAULT_HANDLER: 'SDK',
      // connect() rings the number each test connector may transfer to (testCarrierSettings)
      CALL_CONTROL_CALLEE_DESTINATIONS: JSON.stringify(
        options.calleeDestinations ??
          Object.fromEntries(testNumbers.map((n) => [n.connectorId, n.transferDestinations[0]])),
      ),
      CALL_CONTROL_HEARTBEAT_INTERVAL: '1s',
      CALL_CONTROL_GATEWAY_TIMEOUT: options.gatewayTimeout ?? '2s',
      LOG_LEVEL: 'info', // the grpcPort line is at info
    },
  });
  try {
    const [, port] = await waitForOutput(proc, /"grpcPort":(\d+)/, { timeoutMs: 60_000 });
    return { proc, address: `127.0.0.1:${port}`, stop: () => proc.stop() };
  } catch (error) {
    await proc.stop();
    throw error;
  }
};
