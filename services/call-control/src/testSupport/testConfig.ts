import { CallHandler } from '@warmline/contracts';
import type { CallControlConfig } from '../config';
import { toConnectorScope } from '../settings/connectorScope';

/** The API key the tests' SDK client uses: connectors connector-1 and connector-2. */
export const TEST_API_KEY = 'test-key-1';
/** A key for another tenant: connector-other only. */
export const OTHER_API_KEY = 'test-key-other';
/** Where connect() rings for the test connectors. */
export const TEST_DESTINATION = 'sip:frontdesk@pbx.test';

/** A configuration for tests: SDK routing for the test connectors, loopback gRPC on port 0. */
export function testConfig(
  natsUrl: string,
  overrides: Partial<CallControlConfig> = {},
): CallControlConfig {
  return {
    natsUrl,
    grpcAddress: '127.0.0.1:0',
    apiKeys: new Map([
      [TEST_API_KEY, toConnectorScope(['connector-1', 'connector-2'])],
      [OTHER_API_KEY, toConnectorScope(['connector-other'])],
    ]),
    routing: {
      rules: [{ connectorId: 'connector-agent', handler: CallHandler.CALL_HANDLER_BUILT_IN_AGENT }],
      defaultHandler: CallHandler.CALL_HANDLER_SDK,
    },
    calleeDestinations: new Map([
      ['connector-1', TEST_DESTINATION],
      ['connector-2', TEST_DESTINATION],
    ]),
    defaultRingTimeSeconds: 60,
    heartbeatIntervalMs: 1_000,
    gatewayTimeoutMs: 2_000,
    mediaBufferMs: 400,
    streamReplicas: 1,
    logLevel: 'error',
    logPii: false,
    ...overrides,
  };
}

/** The same configuration as environment variables, for running `main.ts` as a process. */
export function testEnv(natsUrl: string): NodeJS.ProcessEnv {
  return {
    NATS_URL: natsUrl,
    CALL_CONTROL_GRPC_ADDRESS: '127.0.0.1:0',
    CALL_CONTROL_API_KEYS: JSON.stringify({
      [TEST_API_KEY]: ['connector-1', 'connector-2'],
      [OTHER_API_KEY]: ['connector-other'],
    }),
    CALL_CONTROL_ROUTING_RULES: JSON.stringify([
      { connectorId: 'connector-agent', handler: 'BUILT_IN_AGENT' },
    ]),
    CALL_CONTROL_DEFAULT_HANDLER: 'SDK',
    CALL_CONTROL_CALLEE_DESTINATIONS: JSON.stringify({
      'connector-1': TEST_DESTINATION,
      'connector-2': TEST_DESTINATION,
    }),
    CALL_CONTROL_HEARTBEAT_INTERVAL: '1s',
    CALL_CONTROL_GATEWAY_TIMEOUT: '2s',
    LOG_LEVEL: 'info',
  };
}
