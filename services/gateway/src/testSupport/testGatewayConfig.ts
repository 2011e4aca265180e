import type { AppDeps } from '../app';
import { testAccounts, testNumbers } from './testCarrierSettings';

/** The public base URL the test carriers are "configured" with (signatures cover it, not the loopback URL). */
export const TEST_PUBLIC_BASE_URL = 'https://gateway.warmline.test';

/** The gateway's configuration in tests and benchmarks. */
export type TestGatewayConfig = AppDeps['config'];

/**
 * The gateway on loopback (any free port) with the test carrier accounts and numbers, shared
 * clock pacing; each harness, rig or benchmark overrides what it needs.
 */
export const testGatewayConfig = (
  overrides: Partial<TestGatewayConfig> = {},
): TestGatewayConfig => ({
  gatewayId: 'gateway-test',
  host: '127.0.0.1',
  port: 0,
  publicBaseUrl: TEST_PUBLIC_BASE_URL,
  accounts: testAccounts(),
  numbers: testNumbers,
  startTimeoutMs: 2_000,
  // deeper than production (60 ms): on a shared test machine a stalled test process must not
  // make an out-of-order frame arrive after the gateway already concealed it
  jitterDepthMs: 250,
  markEveryFrames: 5,
  pacing: 'shared-clock',
  ...overrides,
});
