/**
 * Contract tests: Telnyx's API cannot be reached from here, so the gateway
 * talks to a local fake that checks each request against the published Call
 * Control v2 format (POST /v2/calls/{call_control_id}/actions/{hangup|transfer},
 * `Authorization: Bearer <API key>`, JSON bodies; `{"data":{"result":"ok"}}`,
 * errors as `{"errors":[{code,title,detail}]}`). Webhooks for the transferred
 * leg are posted to the gateway signed as Telnyx signs them (Ed25519 over
 * `timestamp|body`, headers telnyx-signature-ed25519 / telnyx-timestamp).
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { TerminationReason } from '@warmline/contracts';
import { type CarrierCaller, waitFor } from '@warmline/testing';
import {
  type FakeCarrierApi,
  type RecordedRequest,
  startFakeCarrierApi,
} from '../testSupport/fakeCarrierApi';
import { type GatewayHarness, startGatewayHarness } from '../testSupport/gatewayHarness';
import { testAccounts } from '../testSupport/testCarrierSettings';
import { expectNoLeaks, leakBaseline } from './callScenario';

const keys = generateKeyPairSync('ed25519');
const rawPublicKey = (key: KeyObject): string =>
  key.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
const ACTION_PATH = /^\/v2\/calls\/([^/]+)\/actions\/(hangup|transfer)$/;

/** Telnyx's documented behaviour for the two commands the gateway sends. */
const telnyxApi = (apiKey: string) => (request: RecordedRequest) => {
  const path = ACTION_PATH.exec(request.path);
  if (request.method !== 'POST' || !path) {
    return {
      status: 404,
      body: { errors: [{ code: '10005', title: 'Resource not found', detail: 'unknown path' }] },
    };
  }
  if (request.headers.authorization !== `Bearer ${apiKey}`) {
    return {
      status: 401,
      body: { errors: [{ code: '10009', title: 'Authentication failed', detail: 'bad key' }] },
    };
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(request.body) as Record<string, unknown>;
  } catch {
    return {
      status: 400,
      body: { errors: [{ code: '10015', title: 'Bad Request', detail: 'not JSON' }] },
    };
  }
  const jsonType = request.headers['content-type'] === 'application/json';
  const transferOk =
    path[2] !== 'transfer' || (typeof body['to'] === 'string' && body['to'] !== '');
  if (!jsonType || !transferOk) {
    return {
      status: 422,
      body: { errors: [{ code: '10032', title: 'Invalid value', detail: 'to is required' }] },
    };
  }
  return { status: 200, body: { data: { result: 'ok' } } };
};

let api: FakeCarrierApi;
let harness: GatewayHarness;
let baseline: { subs: number; timers: number };
const account = () => harness && testAccounts(api.baseUrl).telnyx[0]!;

beforeAll(async () => {
  api = await startFakeCarrierApi(() => ({ status: 500, body: {} }));
  const accounts = testAccounts(api.baseUrl);
  harness = await startGatewayHarness({
    accounts: {
      ...accounts,
      telnyx: [{ ...accounts.telnyx[0]!, webhookPublicKey: rawPublicKey(keys.publicKey) }],
    },
  });
});

beforeEach(async () => {
  api.respondWith(telnyxApi(account().apiKey!));
  api.requests.length = 0;
  baseline = await leakBaseline(harness);
});

afterAll(async () => {
  await harness?.stop();
  await api?.close();
});

const answeredCall = async (): Promise<{ caller: CarrierCaller; callId: string }> => {
  const caller = await harness.telnyxCaller();
  const start = await waitFor(() =>
    harness.callControl.starts.find((s) => s.carrierCallId === caller.identity.carrierCallId),
  );
  await waitFor(() => harness.callControl.answers.get(start.callId));
  return { caller, callId: start.callId };
};

const webhook = async (
  callId: string,
  eventType: string,
  payload: Record<string, string>,
  signer = keys.privateKey,
  legId = 'leg-7',
) => {
  const body = JSON.stringify({
    data: {
      record_type: 'event',
      event_type: eventType,
      id: 'evt-1',
      occurred_at: new Date().toISOString(),
      payload,
    },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(`${timestamp}|${body}`), signer).toString('base64');
  const res = await fetch(
    `http://127.0.0.1:${harness.port}/telnyx/callee-events?callId=${callId}&legId=${legId}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'telnyx-signature-ed25519': signature,
        'telnyx-timestamp': timestamp,
      },
      body,
    },
  );
  return res.status;
};

describe('Telnyx Call Control contract (local fake of the published API)', () => {
  it('hangup: POST /v2/calls/{call_control_id}/actions/hangup with Bearer auth and the instruction id as command_id', async () => {
    const { caller, callId } = await answeredCall();
    const result = await harness.callControl.instruct(callId, {
      $case: 'hangup',
      value: { reason: TerminationReason.TERMINATION_REASON_DISCONNECTED },
    });
    expect(result).toMatchObject({ ok: true });
    expect(api.requests[0]!.path).toBe(
      `/v2/calls/${encodeURIComponent(caller.identity.carrierCallId)}/actions/hangup`,
    );
    const hangup = JSON.parse(api.requests[0]!.body) as Record<string, unknown>;
    expect(Object.keys(hangup)).toEqual(['command_id']);
    expect(typeof hangup['command_id']).toBe('string');
    expect((await caller.closed).code).toBe(1000);
    await expectNoLeaks(harness, baseline);
  });

  it('connect: transfer with ring timeout, caller id, handoff as X- headers and a webhook URL; signed webhooks report the callee', async () => {
    const { caller, callId } = await answeredCall();
    const result = await harness.callControl.instruct(callId, {
      $case: 'placeCallee',
      value: {
        calleeLegId: 'leg-7',
        destination: '+15559990000',
        ringTimeSeconds: 30,
        handoffData: { 'Context-Id': 'ctx-9' },
      },
    });
    expect(result).toMatchObject({ ok: true });
    const request = api.requests[0]!;
    expect(request.path).toBe(
      `/v2/calls/${encodeURIComponent(caller.identity.carrierCallId)}/actions/transfer`,
    );
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(typeof body['command_id']).toBe('string');
    expect({ ...body, command_id: 'checked' }).toEqual({
      to: '+15559990000',
      from: '+15550002222',
      timeout_secs: 30,
      command_id: 'checked',
      client_state: Buffer.from(JSON.stringify({ callId, calleeLegId: 'leg-7' })).toString(
        'base64',
      ),
      webhook_url: `https://gateway.warmline.test/telnyx/callee-events?callId=${callId}&legId=leg-7`,
      webhook_url_method: 'POST',
      custom_headers: [{ name: 'X-Context-Id', value: 'ctx-9' }],
    });

    const forger = generateKeyPairSync('ed25519').privateKey;
    expect(await webhook(callId, 'call.answered', { call_control_id: 'v3:leg-b' }, forger)).toBe(
      403,
    );
    expect(await webhook(callId, 'call.initiated', { call_control_id: 'v3:leg-b' })).toBe(200);
    expect(await webhook(callId, 'call.answered', { call_control_id: 'v3:leg-b' })).toBe(200);
    await waitFor(() => harness.callControl.signalsOf(callId, 'calleeAnswered')[0]);
    expect(
      await webhook(callId, 'call.hangup', {
        call_control_id: 'v3:leg-b',
        hangup_cause: 'normal_clearing',
      }),
    ).toBe(200);
    await waitFor(() => harness.callControl.signalsOf(callId, 'partyHungUp')[0]);
    expect(harness.callControl.signalsOf(callId).map((s) => s.payload?.$case)).toEqual([
      'calleeAnswered',
      'partyHungUp',
    ]);
    await caller.hangUp();
    await harness.callControl.instruct(callId, {
      $case: 'hangup',
      value: { reason: TerminationReason.TERMINATION_REASON_CALLEE_HUNG_UP },
    });
    await expectNoLeaks(harness, baseline);
  });

  it('a busy callee is reported as CALLEE_BUSY; cancel hangs up the leg the webhooks named', async () => {
    const { caller, callId } = await answeredCall();
    await harness.callControl.instruct(callId, {
      $case: 'placeCallee',
      value: {
        calleeLegId: 'leg-7',
        destination: '+15559990000',
        ringTimeSeconds: 30,
        handoffData: {},
      },
    });
    expect(await webhook(callId, 'call.initiated', { call_control_id: 'v3:leg-c' })).toBe(200);
    const cancel = await harness.callControl.instruct(callId, {
      $case: 'cancelCallee',
      value: { calleeLegId: 'leg-7' },
    });
    expect(cancel).toMatchObject({ ok: true });
    expect(api.requests[1]!.path).toBe('/v2/calls/v3%3Aleg-c/actions/hangup');
    await harness.callControl.instruct(callId, {
      $case: 'placeCallee',
      value: {
        calleeLegId: 'leg-8',
        destination: '+15559990000',
        ringTimeSeconds: 30,
        handoffData: {},
      },
    });
    const unsigned = await fetch(
      `http://127.0.0.1:${harness.port}/telnyx/callee-events?callId=${callId}&legId=leg-8`,
      {
        method: 'POST',
        body: '{}',
      },
    );
    expect(unsigned.status).toBe(403);
    // the stream may end with the transfer; a callee that is busy then leaves the call without media
    await caller.hangUp();
    expect(
      await webhook(
        callId,
        'call.hangup',
        { call_control_id: 'v3:leg-d', hangup_cause: 'busy' },
        keys.privateKey,
        'leg-8',
      ),
    ).toBe(200);
    const failed = await waitFor(() => harness.callControl.signalsOf(callId, 'calleeFailed')[0]);
    expect(failed.payload).toMatchObject({
      $case: 'calleeFailed',
      value: { calleeLegId: 'leg-8', errorCode: 'CALLEE_BUSY' },
    });
    const lost = await waitFor(() => harness.callControl.signalsOf(callId, 'mediaLost')[0]);
    expect(lost.payload).toEqual({
      $case: 'mediaLost',
      value: { detail: 'the stream ended for a transfer that failed' },
    });
    await expectNoLeaks(harness, baseline);
  });

  it('a Telnyx error answer (422 "call has already ended") becomes CARRIER_API_ERROR', async () => {
    const { caller, callId } = await answeredCall();
    api.respondWith(() => ({
      status: 422,
      body: {
        errors: [
          {
            code: '90018',
            title: 'Call has already ended',
            detail: 'This call is no longer active',
          },
        ],
      },
    }));
    const result = await harness.callControl.instruct(callId, {
      $case: 'placeCallee',
      value: {
        calleeLegId: 'leg-9',
        destination: '+15559990000',
        ringTimeSeconds: 30,
        handoffData: {},
      },
    });
    expect(result).toMatchObject({ ok: false, errorCode: 'CARRIER_API_ERROR' });
    expect(result.errorMessage).toContain('This call is no longer active');
    await caller.hangUp();
    await waitFor(() => harness.callControl.signalsOf(callId, 'partyHungUp')[0]);
    await expectNoLeaks(harness, baseline);
  });
});
