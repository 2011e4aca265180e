import { request } from 'node:http';
import path from 'node:path';
import {
  type NatsServerHandle,
  repoRoot,
  startNatsServer,
  startTsProcess,
  UpgradeRefusedError,
  CarrierCaller,
  waitForOutput,
} from '@warmline/testing';
import { testAccounts, testNumbers, testParties } from '../testSupport/testCarrierSettings';

let nats: NatsServerHandle;

beforeAll(async () => {
  nats = await startNatsServer();
});

afterAll(async () => {
  await nats?.stop();
});

const getStatus = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });

describe('the gateway process (src/main.ts)', () => {
  it('starts from its environment, serves, refuses unsigned streams, and stops on SIGTERM', async () => {
    const proc = startTsProcess(path.join('services', 'gateway', 'src', 'main.ts'), {
      cwd: repoRoot(),
      env: {
        NATS_URL: nats.url,
        GATEWAY_PORT: '0',
        GATEWAY_PUBLIC_BASE_URL: 'https://gateway.warmline.test',
        GATEWAY_CARRIER_SECRETS: JSON.stringify(testAccounts()),
        GATEWAY_NUMBERS: JSON.stringify(testNumbers),
      },
    });
    try {
      const [, port] = await waitForOutput(proc, /"port":(\d+),.*"msg":"gateway listening"/, {
        timeoutMs: 30_000,
      });
      await waitForOutput(proc, /"msg":"ready"/);
      expect(await getStatus(`http://127.0.0.1:${port}/healthz`)).toBe(200);
      const refused = await CarrierCaller.dial({
        carrier: 'twilio',
        url: `ws://127.0.0.1:${port}/twilio/stream`,
        authToken: 'forged',
        accountId: 'AC00000000000000000000000000000001',
        ...testParties.twilio,
      }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(UpgradeRefusedError);
      await proc.stop();
      expect(proc.exitStatus()).toMatchObject({ code: 0 });
      expect(proc.output()).toContain('"msg":"gateway stopped"');
      expect(proc.output()).not.toContain('twilio-auth-token-for-tests');
    } finally {
      await proc.stop();
    }
  });
});
