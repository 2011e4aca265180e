/**
 * Contract tests: Twilio's REST API cannot be reached from here, so the
 * gateway talks to a local fake that checks each request against Twilio's
 * published format (Voice API "Update a Call resource":
 * POST /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json, HTTP Basic auth
 * AccountSid:AuthToken, form-encoded `Status` or `Twiml`; errors as
 * {code, message, more_info, status}) and answers with documented bodies.
 * Status callbacks are posted to the gateway signed as Twilio signs them.
 */
import { AgentMode, TerminationReason } from '@warmline/contracts';
import { sine } from '@warmline/audio';
import { type CarrierCaller, waitFor } from '@warmline/testing';
import { speak } from '../testSupport/agentVoice';
import {
  type FakeCarrierApi,
  type RecordedRequest,
  startFakeCarrierApi,
} from '../testSupport/fakeCarrierApi';
import { type GatewayHarness, startGatewayHarness } from '../testSupport/gatewayHarness';
import { TEST_PUBLIC_BASE_URL } from '../testSupport/testGatewayConfig';
import { postTwilioCalleeStatus } from '../testSupport/twilioCalleeStatus';
import { testAccounts } from '../testSupport/testCarrierSettings';
import { expectNoLeaks, leakBaseline } from './callScenario';

const ACCOUNT = testAccounts().twilio[0]!;
const CALL_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Calls\/(CA[0-9a-zA-Z]+)\.json$/;

/** Twilio's documented behaviour for call updates, as far as the gateway uses it. */
const twilioApi = (request: RecordedRequest) => {
  const path = CALL_PATH.exec(request.path);
  if (request.method !== 'POST' || !path || path[1] !== ACCOUNT.accountSid) {
    return {
      status: 404,
      body: {
        code: 20404,
        message: 'The requested resource was not found',
        more_info: 'https://www.twilio.com/docs/errors/20404',
        status: 404,
      },
    };
  }
  const basic = `Basic ${Buffer.from(`${ACCOUNT.accountSid}:${ACCOUNT.authToken}`).toString('base64')}`;
  if (request.headers.authorization !== basic) {
    return {
      status: 401,
      body: {
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      },
    };
  }
  const params = new URLSearchParams(request.body);
  const status = params.get('Status');
  const valid =
    request.headers['content-type'] === 'application/x-www-form-urlencoded' &&
    (status === 'completed' ||
      status === 'canceled' ||
      (status === null && params.get('Twiml')?.startsWith('<?xml')));
  if (!valid)
    return { status: 400, body: { code: 21218, message: 'Invalid parameter', status: 400 } };
  return {
    status: 200,
    body: { sid: path[2], account_sid: path[1], status: status ?? 'in-progress' },
  };
};

let api: FakeCarrierApi;
let harness: GatewayHarness;
let baseline: { subs: number; timers: number };

beforeAll(async () => {
  api = await startFakeCarrierApi(twilioApi);
  harness = await startGatewayHarness({ accounts: testAccounts(api.baseUrl) });
});

beforeEach(async () => {
  api.respondWith(twilioApi);
  api.requests.length = 0;
  baseline = await leakBaseline(harness);
});

afterAll(async () => {
  await harness?.stop();
  await api?.close();
});

const answeredCall = async (overrides = {}): Promise<{ caller: CarrierCaller; callId: string }> => {
  const caller = await harness.twilioCaller(overrides);
  const start = await waitFor(() =>
    harness.callControl.starts.find((s) => s.carrierCallId === caller.identity.carrierCallId),
  );
  await waitFor(() => harness.callControl.answers.get(start.callId));
  return { caller, callId: start.callId };
};

const statusCallback = (
  callId: string,
  legId: string,
  params: Record<string, string>,
  signWith = ACCOUNT.authToken,
) => postTwilioCalleeStatus(harness.port, signWith, callId, legId, params);

const placeCallee = (callId: string, destination = '+15559990000') =>
  harness.callControl.instruct(callId, {
    $case: 'placeCallee',
    value: {
      calleeLegId: 'leg-1',
      destination,
      ringTimeSeconds: 25,
      handoffData: { 'Context-Id': 'ctx-42' },
    },
  });

describe('Twilio REST contract (local fake of the published API)', () => {
  it('hangup: POST Calls/{CallSid}.json Status=completed with Basic auth; the stream is closed; no hang-up is reported', async () => {
    const { caller, callId } = await answeredCall();
    const result = await harness.callControl.instruct(callId, {
      $case: 'hangup',
      value: { reason: TerminationReason.TERMINATION_REASON_DISCONNECTED },
    });
    expect(result).toMatchObject({ ok: true });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.path).toBe(
      `/2010-04-01/Accounts/${ACCOUNT.accountSid}/Calls/${caller.identity.carrierCallId}.json`,
    );
    expect(Object.fromEntries(new URLSearchParams(api.requests[0]!.body))).toEqual({
      Status: 'completed',
    });
    expect((await caller.closed).code).toBe(1000);
    await expectNoLeaks(harness, baseline);
    expect(harness.callControl.signalsOf(callId)).toEqual([]);
  });

  it('connect: the live call is redirected to <Dial> TwiML; callee progress comes from signed callbacks; a dial nobody answers returns the caller to the agent', async () => {
    const { caller, callId } = await answeredCall();
    expect(await placeCallee(callId)).toMatchObject({ ok: true });
    const twiml = new URLSearchParams(api.requests[0]!.body).get('Twiml')!;
    const statusUrl = `${TEST_PUBLIC_BASE_URL}/twilio/callee-status?callId=${callId}&amp;legId=leg-1`;
    expect(twiml).toContain('<Response><Dial timeout="25" callerId="+15550001111">');
    expect(twiml).toContain(
      `<Number statusCallback="${statusUrl}" statusCallbackEvent="initiated ringing answered completed" statusCallbackMethod="POST">+15559990000</Number></Dial>`,
    );
    expect(twiml).toContain(
      `<Connect><Stream url="wss://gateway.warmline.test/twilio/stream"><Parameter name="warmlineCallId" value="${callId}"/>`,
    );
    const token = /name="warmlineResume" value="([A-Za-z0-9_-]+)"/.exec(twiml)?.[1];
    expect(token).toBeDefined();

    // Twilio ends the <Connect><Stream> to run the new TwiML: not a hang-up
    await caller.hangUp();
    expect(
      await statusCallback(callId, 'leg-1', {
        CallSid: 'CA0000000000000000000000000000c0de',
        CallStatus: 'ringing',
      }),
    ).toBe(204);
    expect(
      await statusCallback(
        callId,
        'leg-1',
        { CallSid: 'CA1', CallStatus: 'in-progress' },
        'forged-token',
      ),
    ).toBe(403);
    expect(
      await statusCallback(callId, 'leg-1', {
        CallSid: 'CA0000000000000000000000000000c0de',
        CallStatus: 'no-answer',
      }),
    ).toBe(204);
    const failed = await waitFor(() => harness.callControl.signalsOf(callId, 'calleeFailed')[0]);
    expect(failed.payload).toMatchObject({
      $case: 'calleeFailed',
      value: { calleeLegId: 'leg-1', errorCode: 'CALL_UNANSWERED' },
    });
    expect(harness.callControl.signalsOf(callId).map((s) => s.payload?.$case)).toEqual([
      'calleeRinging',
      'calleeFailed',
    ]);

    // the verb after <Dial> streams the caller back: a wrong token is refused, the right one re-attaches
    const forged = await harness.twilioCaller({
      customParameters: { warmlineCallId: callId, warmlineResume: 'guess' },
    });
    expect((await forged.closed).code).toBe(1008);
    const startsBefore = harness.callControl.starts.length;
    const back = await harness.twilioCaller({
      customParameters: { warmlineCallId: callId, warmlineResume: token! },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    speak(harness.testBus, callId, sine({ rate: 16000, hz: 500, durationMs: 200 }), 16000);
    await back.waitUntil(
      () => back.heardFrames.length >= 10,
      5_000,
      'agent audio after the return',
    );
    expect(harness.callControl.starts).toHaveLength(startsBefore);
    await back.hangUp();
    await waitFor(() => harness.callControl.signalsOf(callId, 'partyHungUp')[0]);
    await expectNoLeaks(harness, baseline);
  });

  it('connect answered: callee answered and hung up are reported; the agent is out of the media path (no mixer)', async () => {
    const { caller, callId } = await answeredCall();
    await placeCallee(callId);
    await caller.hangUp();
    const child = { CallSid: 'CA0000000000000000000000000000beef' };
    await statusCallback(callId, 'leg-1', { ...child, CallStatus: 'initiated' });
    await statusCallback(callId, 'leg-1', { ...child, CallStatus: 'in-progress' });
    await waitFor(() => harness.callControl.signalsOf(callId, 'calleeAnswered')[0]);
    const barge = await harness.callControl.instruct(callId, {
      $case: 'setMixMode',
      value: { mode: AgentMode.AGENT_MODE_BARGE },
    });
    expect(barge).toMatchObject({ ok: false, errorCode: 'NOT_SUPPORTED' });
    expect(
      await harness.callControl.instruct(callId, { $case: 'removeAgent', value: {} }),
    ).toMatchObject({ ok: true });
    await statusCallback(callId, 'leg-1', { ...child, CallStatus: 'completed' });
    const hungUp = await waitFor(() => harness.callControl.signalsOf(callId, 'partyHungUp')[0]);
    expect(hungUp.payload).toEqual({ $case: 'partyHungUp', value: { party: 2 } });
    await harness.callControl.instruct(callId, {
      $case: 'hangup',
      value: { reason: TerminationReason.TERMINATION_REASON_CALLEE_HUNG_UP },
    });
    await expectNoLeaks(harness, baseline);
  });

  it('cancel: the ringing callee leg is updated with Status=canceled', async () => {
    const { caller, callId } = await answeredCall();
    await placeCallee(callId);
    await caller.hangUp();
    await statusCallback(callId, 'leg-1', {
      CallSid: 'CA0000000000000000000000000000f00d',
      CallStatus: 'ringing',
    });
    await waitFor(() => harness.callControl.signalsOf(callId, 'calleeRinging')[0]);
    const result = await harness.callControl.instruct(callId, {
      $case: 'cancelCallee',
      value: { calleeLegId: 'leg-1' },
    });
    expect(result).toMatchObject({ ok: true });
    expect(api.requests[1]!.path).toBe(
      `/2010-04-01/Accounts/${ACCOUNT.accountSid}/Calls/CA0000000000000000000000000000f00d.json`,
    );
    expect(Object.fromEntries(new URLSearchParams(api.requests[1]!.body))).toEqual({
      Status: 'canceled',
    });
    await harness.callControl.instruct(callId, {
      $case: 'hangup',
      value: { reason: TerminationReason.TERMINATION_REASON_DISCONNECTED },
    });
    await expectNoLeaks(harness, baseline);
  });

  it("a destination outside the number's allowlist is refused without calling Twilio (toll-fraud fence)", async () => {
    const { caller, callId } = await answeredCall();
    expect(await placeCallee(callId, '+882123456789')).toMatchObject({
      ok: false,
      errorCode: 'DESTINATION_NOT_ALLOWED',
    });
    expect(api.requests).toEqual([]);
    await caller.hangUp();
    await expectNoLeaks(harness, baseline);
  });

  it('a Twilio error answer becomes CARRIER_API_ERROR and the call stays up', async () => {
    const { caller, callId } = await answeredCall();
    api.respondWith(() => ({
      status: 404,
      body: { code: 20404, message: 'The requested resource was not found', status: 404 },
    }));
    const result = await placeCallee(callId);
    expect(result).toMatchObject({ ok: false, errorCode: 'CARRIER_API_ERROR' });
    expect(result.errorMessage).toContain('404');
    speak(harness.testBus, callId, sine({ rate: 16000, hz: 500, durationMs: 100 }), 16000);
    await caller.waitUntil(() => caller.heardFrames.length >= 5, 5_000, 'agent audio');
    await caller.hangUp();
    await waitFor(() => harness.callControl.signalsOf(callId, 'partyHungUp')[0]);
    await expectNoLeaks(harness, baseline);
  });
});
