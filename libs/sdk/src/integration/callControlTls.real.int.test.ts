import { randomUUID } from 'node:crypto';
import type { ActiveCall } from '../call/activeCall';
import { WarmlineClient } from '../client/warmlineClient';
import { WarmlineClientConfig } from '../config/clientConfig';
import { AuthenticationError } from '../errors/warmlineError';
import { events } from '../events/eventNames';
import { type TestPki, createTestPki } from '../testing/certificates';
import { eventually, settle } from '../testing/fixtures';
import { type RealCallControl, startRealCallControl } from '../testing/realCallControl';

let pki: TestPki;
let cc: RealCallControl;
const clients: WarmlineClient[] = [];

beforeAll(async () => {
  pki = createTestPki();
  cc = await startRealCallControl({
    certFile: pki.serverCert,
    keyFile: pki.serverKey,
    caFile: pki.caCert,
    clientConnectors: { 'sdk-client': ['connector-1'] },
  });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await cc.stop();
  pki.remove();
});

const port = () => cc.address.split(':')[1] ?? '';

function production(clientName: string): WarmlineClient {
  const client = new WarmlineClient(
    WarmlineClientConfig.production({
      ...pki.client(clientName),
      caPath: pki.caCert,
      address: `localhost:${port()}`,
      sampleRate: 16000,
      connectorIds: ['connector-1'],
      connectTimeoutMs: 5_000,
      reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
    }),
  );
  clients.push(client);
  return client;
}

describe('mutual TLS against the real call-control', () => {
  it('a production client (client certificate) takes and answers a call', async () => {
    const client = production('sdk-client');
    const calls: ActiveCall[] = [];
    client.on(events.INCOMING_CALL, (call) => void calls.push(call));
    await client.ready();
    await settle(200);
    const callId = `call-${randomUUID()}`;
    await cc.gateway.startCall(callId, 'connector-1');
    const call = await eventually(() => calls.find((c) => c.callId === callId), 'the call');
    await call.answer();
    expect(call.state).toBe('ANSWERED');
    await call.disconnect();
  });

  it('a certificate the platform does not know is an AuthenticationError', async () => {
    await expect(production('stranger').connect()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
