import { createHash } from 'node:crypto';
import { pcmFromBytes, pcmToBytes, sine } from '@warmline/audio';
import { type ActiveCall, CallCommandError, TerminationReason, events } from '@warmline/sdk';
import { Baresip, type BaresipEvent, toneReport, waitFor } from '@warmline/testing';
import { createResponse, getHeader, header, parseAuthParams } from '../sip';
import { CONTEXT_ID_HEADER } from '../sipCalls/sipInstructions';
import { type SipRig, startSipRig } from '../testSupport/sipRig';
import { SipProbe } from '../testSupport/sipProbe';

jest.setTimeout(120_000);

const CALLER_HZ = 1000;
const CALLEE_HZ = 600;
const AGENT_HZ = 440;
const CONTEXT_BASE = 'https://context.warmline.test/v1/contexts';

let rig: SipRig;
let bob: Baresip; // auto-answers, plays 600 Hz
let carol: Baresip; // rings forever
let dave: Baresip; // rejects with 486
let trunk: SipProbe; // a trunk that asks for Digest credentials

beforeAll(async () => {
  [bob, carol, dave] = await Promise.all([
    Baresip.start({
      user: 'bob',
      source: { kind: 'sine', hz: CALLEE_HZ },
      answerMode: 'auto',
      codecs: ['pcma', 'pcmu'],
    }),
    Baresip.start({
      user: 'carol',
      source: { kind: 'sine', hz: CALLEE_HZ },
      answerMode: 'manual',
      callLocalTimeout: 0,
    }),
    Baresip.start({ user: 'dave', source: { kind: 'sine', hz: CALLEE_HZ }, answerMode: 'manual' }),
  ]);
  trunk = await SipProbe.open(0);
  const trunkUri = `sip:desk@127.0.0.1:${trunk.port}`;
  rig = await startSipRig({
    routes: [
      { user: 'agent1', connectorId: 'c-bob', transferDestinations: [bob.uri] },
      { user: 'agent2', connectorId: 'c-carol', transferDestinations: [carol.uri] },
      { user: 'agent3', connectorId: 'c-dave', transferDestinations: [dave.uri] },
      { user: 'agent4', connectorId: 'c-evil', transferDestinations: [carol.uri] },
      { user: 'agent5', connectorId: 'c-trunk', transferDestinations: [trunkUri] },
    ],
    calleeDestinations: {
      'c-bob': bob.uri,
      'c-carol': carol.uri,
      'c-dave': dave.uri,
      'c-evil': bob.uri, // call-control would ring bob, the gateway's allowlist says no
      'c-trunk': trunkUri,
    },
    contextUrlBase: CONTEXT_BASE,
    trunkCredentials: { username: 'warmline', password: 'trunk-secret' },
  });
  trunk.retarget(rig.sipPort);
});

afterAll(async () => {
  await rig?.stop();
  trunk?.close();
  await Promise.all([bob?.stop(), carol?.stop(), dave?.stop()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const toneBytes = (hz: number, seconds: number): Uint8Array =>
  pcmToBytes(sine({ rate: 16000, hz, durationMs: seconds * 1000, amplitude: 0.4 }));

/** Dials `user` at the gateway from a new 1000 Hz caller; the SDK answers and the agent plays 440 Hz. */
const answeredCall = async (user: string, agentSeconds = 30) => {
  const caller = await Baresip.start({
    user: 'alice',
    source: { kind: 'sine', hz: CALLER_HZ },
    answerMode: 'manual',
  });
  const before = rig.calls.length;
  await caller.dial(`sip:${user}@127.0.0.1:${rig.sipPort}`);
  const call: ActiveCall = await waitFor(() => rig.calls[before], {
    timeoutMs: 15_000,
    describe: () => 'the SDK call',
  });
  const heard: Int16Array[] = [];
  const reading = (async () => {
    for await (const chunk of call.audioStream()) heard.push(pcmFromBytes(chunk));
  })();
  await call.answer();
  await call.sendAudio(toneBytes(AGENT_HZ, agentSeconds));
  const established = await caller.waitForEvent('CALL_ESTABLISHED');
  return { caller, call, heard, reading, established };
};

/** Seconds from a recording's start (the leg's CALL_ESTABLISHED) to `at`. */
const offset = (established: BaresipEvent, at: number) => (at - established.at) / 1000;

/** Seconds into a recording where a tone first shows in a 100 ms window. */
const firstTone = (samples: Int16Array, hz: number): number => {
  for (let at = 0; at + 800 <= samples.length; at += 80)
    if (toneReport(samples.subarray(at, at + 800), 8000, hz).presentFraction === 1)
      return at / 8000;
  throw new Error(`no ${hz} Hz tone in the recording`);
};

const present = (samples: Int16Array, hz: number, from: number, to: number) =>
  toneReport(samples, 8000, hz, { fromS: from, toS: to }).presentFraction;

describe('connect() places a real callee leg (two baresips, real call-control)', () => {
  it('bridges barge → whisper → spy → close(): each party hears what its mode says; a caller BYE ends both legs', async () => {
    const { caller, call, heard, reading } = await answeredCall('agent1');
    const bobCalls = bob.seen('CALL_ESTABLISHED').length;
    await sleep(1_500);
    await call.connect({ ringTimeSeconds: 10 });
    const bobUp = await bob.waitForEvent('CALL_ESTABLISHED', 10_000, bobCalls + 1);
    const phases: { name: string; from: number; to: number }[] = [];
    let start = Date.now();
    const phase = async (name: string, next: () => Promise<void>) => {
      await sleep(3_000);
      const end = Date.now();
      phases.push({ name, from: start, to: end });
      await next();
      start = Date.now();
    };
    await phase('barge', () => call.whisper());
    await phase('whisper', () => call.spy());
    await phase('spy', () => call.close());
    await sleep(3_000);
    phases.push({ name: 'closed', from: start, to: Date.now() });
    expect(call.state).toBe('DISCONNECTED'); // for the application: the agent left
    const bobClosed = bob.seen('CALL_CLOSED').length;
    await caller.hangup();
    await caller.waitForEvent('CALL_CLOSED');
    const byeAtBob = await bob.waitForEvent('CALL_CLOSED', 10_000, bobClosed + 1);
    expect(byeAtBob.param).toContain('reset by peer'); // the gateway sent BYE to the callee
    await reading;
    const callerHeard = caller.recording().heard;
    await caller.stop();

    const bobHeard = bob.recording().heard;
    const at = (name: string) => phases.find((p) => p.name === name)!;
    // sndfile writes only the packets that arrived, so a recording is not a wall clock: anchor
    // both at the bridge (bob's answer), after which the mixer sends a packet every 20 ms.
    const bridgedInCaller = firstTone(callerHeard, CALLEE_HZ);
    const callerTime = (wall: number) => bridgedInCaller + (wall - bobUp.at) / 1000;
    const bobTime = (wall: number) => offset(bobUp, wall);
    const window = (time: (wall: number) => number, name: string): [number, number] => [
      time(at(name).from) + 0.6,
      time(at(name).to) - 0.4,
    ];
    const report: Record<string, Record<string, number>> = {};
    for (const p of phases) {
      const [cf, ct] = window(callerTime, p.name);
      const [bf, bt] = window(bobTime, p.name);
      report[p.name] = {
        callerHearsAgent: present(callerHeard, AGENT_HZ, cf, ct),
        callerHearsCallee: present(callerHeard, CALLEE_HZ, cf, ct),
        calleeHearsAgent: present(bobHeard, AGENT_HZ, bf, bt),
        calleeHearsCaller: present(bobHeard, CALLER_HZ, bf, bt),
      };
    }
    const yes = (v: number | undefined) => (v ?? 0) > 0.7;
    const no = (v: number | undefined) => (v ?? 1) < 0.1;
    const expected = {
      barge: [yes, yes, yes, yes],
      whisper: [no, yes, yes, yes],
      spy: [no, yes, no, yes],
      closed: [no, yes, no, yes],
    };
    for (const [name, checks] of Object.entries(expected)) {
      const r = report[name]!;
      const values = [
        r.callerHearsAgent,
        r.callerHearsCallee,
        r.calleeHearsAgent,
        r.calleeHearsCaller,
      ];
      expect({ name, ok: checks.map((check, i) => check(values[i])), values }).toEqual({
        name,
        ok: [true, true, true, true],
        values,
      });
    }
    // the agent heard both sides while it was in the call
    const agentHeard = Int16Array.from(heard.flatMap((c) => [...c]));
    expect(toneReport(agentHeard, 16000, CALLEE_HZ).presentFraction).toBeGreaterThan(0.3);
    expect(toneReport(agentHeard, 16000, CALLER_HZ).presentFraction).toBeGreaterThan(0.6);
  });

  it('a BYE from the callee ends the call: the caller gets BYE, the application CALLEE_HUNG_UP', async () => {
    await sleep(1_100); // bob's recordings are named by the second
    const { caller, call } = await answeredCall('agent1');
    const terminated = new Promise<string>((resolve) =>
      call.on(events.CALL_TERMINATED, (_c, d) => resolve(d.reason)),
    );
    const bobCalls = bob.seen('CALL_ESTABLISHED').length;
    await call.connect({ ringTimeSeconds: 10 });
    await bob.waitForEvent('CALL_ESTABLISHED', 10_000, bobCalls + 1);
    await sleep(1_000);
    await bob.hangup();
    const closed = await caller.waitForEvent('CALL_CLOSED');
    expect(closed.param).toContain('reset by peer');
    expect(await terminated).toBe(TerminationReason.CALLEE_HUNG_UP);
    await caller.stop();
  });

  it('disconnect() sends BYE to both legs', async () => {
    await sleep(1_100); // bob's recordings are named by the second
    const { caller, call } = await answeredCall('agent1');
    const bobCalls = bob.seen('CALL_ESTABLISHED').length;
    const bobClosed = bob.seen('CALL_CLOSED').length;
    await call.connect({ ringTimeSeconds: 10 });
    await bob.waitForEvent('CALL_ESTABLISHED', 10_000, bobCalls + 1);
    await call.disconnect();
    expect((await caller.waitForEvent('CALL_CLOSED')).param).toContain('reset by peer');
    expect((await bob.waitForEvent('CALL_CLOSED', 10_000, bobClosed + 1)).param).toContain(
      'reset by peer',
    );
    await caller.stop();
  });

  it('an unanswered callee gives CALL_UNANSWERED after the ring time (CANCEL) and the caller keeps the agent', async () => {
    const { caller, call, established } = await answeredCall('agent2');
    const carolCalls = carol.seen('CALL_INCOMING').length;
    const error = await call.connect({ ringTimeSeconds: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallCommandError);
    expect((error as CallCommandError).errorCode).toBe('CALL_UNANSWERED');
    const failedAt = Date.now();
    await carol.waitForEvent('CALL_INCOMING', 5_000, carolCalls + 1);
    const cancelled = await waitFor(
      () => carol.seen('CALL_CLOSED')[carol.seen('CALL_CLOSED').length - 1],
    );
    expect(cancelled.param).toContain('reset by peer'); // CANCEL
    expect(call.state).toBe('ANSWERED');
    await sleep(2_500);
    await caller.hangup();
    await caller.waitForEvent('CALL_CLOSED');
    const heard = caller.recording().heard;
    await caller.stop();
    const from = offset(established, failedAt) + 0.3;
    expect(present(heard, AGENT_HZ, from, from + 2)).toBeGreaterThan(0.8);
    expect(present(heard, CALLEE_HZ, 0, heard.length / 8000)).toBe(0);
  });

  it('a busy callee (486) fails connect with CALLEE_BUSY and SIP status 486; the call stays', async () => {
    const { caller, call } = await answeredCall('agent3');
    const incoming = dave.seen('CALL_INCOMING').length;
    const rejecting = dave
      .waitForEvent('CALL_INCOMING', 10_000, incoming + 1)
      .then(() => dave.hangup());
    const failures: { code: string; status: number }[] = [];
    call.on(
      events.CALL_CONNECT_FAILED,
      (_c, d) => void failures.push({ code: d.errorCode, status: d.carrierStatus }),
    );
    const error = await call.connect({ ringTimeSeconds: 10 }).catch((e: unknown) => e);
    await rejecting;
    expect((error as CallCommandError).errorCode).toBe('CALLEE_BUSY');
    await waitFor(() => failures[0]);
    expect(failures[0]).toEqual({ code: 'CALLEE_BUSY', status: 486 });
    expect(call.state).toBe('ANSWERED');
    await caller.hangup();
    await caller.stop();
  });

  it('refuses a destination outside the gateway allowlist (nothing is dialled)', async () => {
    const { caller, call } = await answeredCall('agent4');
    const bobCalls = bob.seen('CALL_ESTABLISHED').length;
    const error = await call.connect({ ringTimeSeconds: 5 }).catch((e: unknown) => e);
    expect((error as CallCommandError).errorCode).toBe('DESTINATION_NOT_ALLOWED');
    await sleep(500);
    expect(bob.seen('CALL_ESTABLISHED')).toHaveLength(bobCalls);
    await caller.hangup();
    await caller.stop();
  });

  it('answers a trunk Digest challenge and sends the handoff context headers', async () => {
    const { caller, call } = await answeredCall('agent5');
    const failed = call.connect({ ringTimeSeconds: 10 }).catch((e: unknown) => e);
    const first = await trunk.incoming('INVITE');
    expect(getHeader(first, CONTEXT_ID_HEADER)).toBe(call.callId);
    expect(getHeader(first, 'Call-Info')).toBe(`<${CONTEXT_BASE}/${call.callId}>;purpose=info`);
    const nonce = 'a1b2c3d4';
    trunk.send(
      createResponse(first, 401, {
        toTag: 'trunk1',
        headers: [
          header(
            'WWW-Authenticate',
            `Digest realm="trunk.test", nonce="${nonce}", qop="auth", algorithm=MD5`,
          ),
        ],
      }),
    );
    const second = await waitFor(() =>
      trunk.received.find(
        (m) =>
          m.kind === 'request' &&
          m.method === 'INVITE' &&
          getHeader(m, 'Authorization') !== undefined,
      ),
    );
    if (second.kind !== 'request') throw new Error('not a request');
    const auth = parseAuthParams(
      (getHeader(second, 'Authorization') ?? '').replace(/^Digest\s+/i, ''),
    );
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    const ha1 = md5(`warmline:trunk.test:trunk-secret`);
    const ha2 = md5(`INVITE:${auth.get('uri') ?? ''}`);
    const expectedResponse = md5(
      `${ha1}:${nonce}:${auth.get('nc') ?? ''}:${auth.get('cnonce') ?? ''}:auth:${ha2}`,
    );
    expect(auth.get('username')).toBe('warmline');
    expect(auth.get('response')).toBe(expectedResponse);
    expect(getHeader(second, CONTEXT_ID_HEADER)).toBe(call.callId);
    trunk.send(createResponse(second, 486, { toTag: 'trunk2' }));
    const error = await failed;
    expect((error as CallCommandError).errorCode).toBe('CALLEE_BUSY');
    await caller.hangup();
    await caller.stop();
  });

  it('leaves no SIP call, dialog or RTP socket behind', async () => {
    const left = () => {
      const { sipCalls, sipDialogs, rtpSockets } = rig.app.stats;
      return { sipCalls, sipDialogs, rtpSockets };
    };
    await waitFor(() => (Object.values(left()).every((n) => n === 0) ? true : undefined), {
      describe: () => JSON.stringify(left()),
    });
  });
});
