import { readFileSync } from 'node:fs';
import { credentials, status } from '@grpc/grpc-js';
import { CallState } from '@warmline/contracts';
import { newCallId } from '../testSupport/sdkCall';
import { SdkTestClient, grpcError } from '../testSupport/sdkTestClient';
import { type TestCertificates, createTestCertificates } from '../testSupport/testCertificates';
import { TEST_API_KEY } from '../testSupport/testConfig';
import { toConnectorScope } from '../settings/connectorScope';
import { useCallControl } from '../testSupport/useCallControl';

let certs: TestCertificates | undefined;
const cc = useCallControl(() => {
  certs = createTestCertificates();
  return {
    tls: {
      certFile: certs.serverCertFile,
      keyFile: certs.serverKeyFile,
      caFile: certs.caFile,
      clientIdentities: new Map([['sdk-client', toConnectorScope(['connector-1'])]]),
    },
  };
});
const clients: SdkTestClient[] = [];

afterAll(() => {
  for (const client of clients) client.close();
  certs?.remove();
});

const tlsClient = (commonName: string | null, apiKey: string | null = null) => {
  if (!certs) throw new Error('certificates not created');
  const ca = readFileSync(certs.caFile);
  const pair = commonName ? certs.client(commonName) : null;
  const channel = credentials.createSsl(ca, pair?.key ?? null, pair?.cert ?? null);
  const client = new SdkTestClient(cc.address.replace('127.0.0.1', 'localhost'), apiKey, channel);
  clients.push(client);
  return client;
};

describe('mutual TLS', () => {
  it('a client certificate whose CN is configured may use its connectors without an API key', async () => {
    const callId = newCallId();
    await cc.gateway.startCall(callId, { connectorId: 'connector-1' });
    const client = tlsClient('sdk-client');
    expect((await client.getCall(callId)).state).toBe(CallState.CALL_STATE_PENDING);
    const other = newCallId();
    await cc.gateway.startCall(other, { connectorId: 'connector-2' });
    expect((await grpcError(client.getCall(other))).code).toBe(status.PERMISSION_DENIED);
  });

  it('an unknown client certificate is UNAUTHENTICATED; an API key still works over TLS', async () => {
    const callId = newCallId();
    await cc.gateway.startCall(callId, { connectorId: 'connector-2' });
    expect((await grpcError(tlsClient('stranger').getCall(callId))).code).toBe(
      status.UNAUTHENTICATED,
    );
    expect((await tlsClient('stranger', TEST_API_KEY).getCall(callId)).callId).toBe(callId);
  });

  it('a client without a certificate cannot connect', async () => {
    const error = await grpcError(tlsClient(null, TEST_API_KEY).getCall(newCallId()));
    expect(error.code).toBe(status.UNAVAILABLE);
  });
});
