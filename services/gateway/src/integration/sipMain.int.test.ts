import { type NatsServerHandle, startNatsServer, waitForOutput } from '@warmline/testing';
import { startGatewayMain } from '../testSupport/gatewayMainProcess';
import { SipProbe } from '../testSupport/sipProbe';

jest.setTimeout(60_000);

let nats: NatsServerHandle;

beforeAll(async () => {
  nats = await startNatsServer();
});

afterAll(async () => {
  await nats?.stop();
});

describe('the gateway process with SIP on (src/main.ts)', () => {
  it('reads the SIP settings from its environment, answers OPTIONS, and stops on SIGTERM', async () => {
    const proc = startGatewayMain(nats.url, {
      GATEWAY_SIP_PORT: '0',
      GATEWAY_SIP_TRANSPORTS: 'udp',
      GATEWAY_RTP_PORTS: '0-0',
      GATEWAY_SIP_ROUTES: JSON.stringify([{ user: 'agent', connectorId: 'connector-1' }]),
      GATEWAY_SIP_TRUNK_SECRET: JSON.stringify({
        username: 'gw',
        password: 'sip-trunk-password',
      }),
    });
    const probe = { current: undefined as SipProbe | undefined };
    try {
      const [, sipPort] = await waitForOutput(proc, /"sipPort":(\d+)/, { timeoutMs: 30_000 });
      await waitForOutput(proc, /"msg":"ready"/);
      probe.current = await SipProbe.open(Number(sipPort));
      const options = probe.current.request('OPTIONS', 'agent');
      probe.current.send(options);
      const ok = await probe.current.response(options, (s) => s === 200);
      expect(ok.kind).toBe('response');
      await proc.stop();
      expect(proc.exitStatus()).toMatchObject({ code: 0 });
      expect(proc.output()).not.toContain('sip-trunk-password');
    } finally {
      probe.current?.close();
      await proc.stop();
    }
  });
});
