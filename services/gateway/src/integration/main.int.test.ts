import { request } from 'node:http';
import {
  type NatsServerHandle,
  startNatsServer,
  UpgradeRefusedError,
  CarrierCaller,
  waitForOutput,
} from '@warmline/testing';
import { startGatewayMain } from '../testSupport/gatewayMainProcess';
import { testParties } from '../testSupport/testCarrierSettings';

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
    const proc = startGatewayMain(nats.url);
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
