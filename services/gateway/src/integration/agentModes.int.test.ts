/**
 * A mode the call's transport cannot mix is refused, not reported: the gateway declares at start
 * what the call can do (carrier media streams: no barge/whisper/spy; the callee leg lives at the
 * carrier) and the real call-control refuses whisper() with AGENT_MODE_NOT_SUPPORTED, appending
 * nothing. Through the gateway, the real call-control (a child process) and an @warmline/sdk
 * application; Twilio's REST API is the local contract fake (as in twilioRest.contract.int.test.ts).
 */
import { AgentModeNotSupportedError, CallCommandError, events } from '@warmline/sdk';
import { waitFor } from '@warmline/testing';
import { type FakeCarrierApi, startFakeCarrierApi } from '../testSupport/fakeCarrierApi';
import { postTwilioCalleeStatus } from '../testSupport/twilioCalleeStatus';
import { type RealCallHarness, startRealCallHarness } from '../testSupport/realCallHarness';
import { testAccounts } from '../testSupport/testCarrierSettings';
import { answeredCall, waitForAppTerminated } from './callScenario';

jest.setTimeout(60_000);

const ACCOUNT = testAccounts().twilio[0]!;

/** Twilio's Calls update answer, as far as this test needs it (the contract test checks the format). */
const twilioApi = (request: { path: string }) => {
  const sid = /\/Calls\/(CA[0-9a-zA-Z]+)\.json$/.exec(request.path)?.[1];
  return sid
    ? { status: 200, body: { sid, account_sid: ACCOUNT.accountSid, status: 'in-progress' } }
    : { status: 404, body: { code: 20404, message: 'not found', status: 404 } };
};

let api: FakeCarrierApi;
let harness: RealCallHarness;

beforeAll(async () => {
  api = await startFakeCarrierApi(twilioApi);
  harness = await startRealCallHarness({ carrierApiBaseUrl: api.baseUrl });
});

afterAll(async () => {
  await harness?.stop();
  await api?.close();
});

/** Posts a callee status callback to the gateway, signed as Twilio signs it. */
const calleeStatus = async (callId: string, legId: string, params: Record<string, string>) => {
  const status = await postTwilioCalleeStatus(
    harness.port,
    ACCOUNT.authToken,
    callId,
    legId,
    params,
  );
  expect(status).toBeLessThan(300);
};

describe('agent modes on a Twilio media stream (real gateway + call-control + SDK)', () => {
  it('whisper() rejects with AgentModeNotSupportedError; no mode change is stored or reported', async () => {
    const caller = await harness.twilioCaller();
    const { call } = await answeredCall(harness, caller);
    const modeChanges: unknown[] = [];
    call.on(events.CALL_MODE_CHANGED, (_call: unknown, detail: unknown) => {
      modeChanges.push(detail);
    });

    // connect(): call-control rings the callee; the gateway redirects the live call to <Dial>.
    const connecting = call.connect({ ringTimeSeconds: 20 });
    const requested = await waitFor(async () =>
      (await harness.events.payloads(call.callId)).find((p) => p.$case === 'connectRequested'),
    );
    const legId = requested.$case === 'connectRequested' ? requested.value.calleeLegId : '';
    await waitFor(() => api.requests.find((r) => r.body.includes('Twiml')));
    const child = { CallSid: 'CA0000000000000000000000000000cafe' };
    await calleeStatus(call.callId, legId, { ...child, CallStatus: 'initiated' });
    await calleeStatus(call.callId, legId, { ...child, CallStatus: 'in-progress' });
    await connecting;
    expect(call.state).toBe('CONNECTED');

    const error = await call.whisper().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentModeNotSupportedError);
    expect(error).toBeInstanceOf(CallCommandError);
    expect(error).toMatchObject({
      callId: call.callId,
      command: 'whisper',
      errorCode: 'AGENT_MODE_NOT_SUPPORTED',
      retryable: false,
    });
    expect((error as Error).message).toMatch(/WHISPER is not supported.*supported: none/);
    const spy = await call.spy().catch((e: unknown) => e);
    expect(spy).toBeInstanceOf(AgentModeNotSupportedError);

    const payloads = await harness.events.payloads(call.callId);
    expect(payloads.filter((p) => p.$case === 'agentModeChanged')).toEqual([]);
    const started = payloads.find((p) => p.$case === 'started');
    expect(started?.$case === 'started' && started.value.capabilities).toEqual({ agentModes: [] });
    expect(modeChanges).toEqual([]);
    expect(call.mode).not.toBe('WHISPER');

    await call.disconnect();
    await waitForAppTerminated(harness, call.callId);
  });
});
