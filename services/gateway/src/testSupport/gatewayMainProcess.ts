import path from 'node:path';
import { type ManagedProcess, repoRoot, startTsProcess } from '@warmline/testing';
import { testAccounts, testNumbers } from './testCarrierSettings';
import { TEST_PUBLIC_BASE_URL } from './testGatewayConfig';

/**
 * The gateway as it is deployed: `src/main.ts` in a child process, configured only by its
 * environment (the test carrier accounts and numbers, any free port), plus `env`.
 */
export const startGatewayMain = (natsUrl: string, env: NodeJS.ProcessEnv = {}): ManagedProcess =>
  startTsProcess(path.join('services', 'gateway', 'src', 'main.ts'), {
    cwd: repoRoot(),
    env: {
      NATS_URL: natsUrl,
      GATEWAY_PORT: '0',
      GATEWAY_PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
      GATEWAY_CARRIER_SECRETS: JSON.stringify(testAccounts()),
      GATEWAY_NUMBERS: JSON.stringify(testNumbers),
      ...env,
    },
  });
