import { pcmFromBytes, pcmToBytes, sine } from '@warmline/audio';
import { type ActiveCall, TerminationReason, events } from '@warmline/sdk';
import { Baresip, toneReport, waitFor } from '@warmline/testing';
import { type SipRig, startSipRig } from '../testSupport/sipRig';

jest.setTimeout(60_000);

let rig: SipRig;

beforeAll(async () => {
  rig = await startSipRig({
    routes: [{ user: 'agent', connectorId: 'connector-sip', transferDestinations: [] }],
    calleeDestinations: {},
  });
});

afterAll(async () => {
  await rig?.stop();
});

/** 16 kHz PCM16 LE bytes of a tone, as an application sends agent audio. */
const toneBytes = (hz: number, seconds: number): Uint8Array =>
  pcmToBytes(sine({ rate: 16000, hz, durationMs: seconds * 1000, amplitude: 0.4 }));

const nextCall = (count: number): Promise<ActiveCall> =>
  waitFor(() => rig.calls[count], {
    timeoutMs: 15_000,
    describe: () => 'a call delivered to the SDK',
  });

describe('a SIP caller (baresip) through the gateway and the real call-control', () => {
  it('is a PENDING call, answered by the SDK, hears the agent, sends DTMF, and its BYE ends the call', async () => {
    const caller = await Baresip.start({
      user: 'alice',
      source: { kind: 'sine', hz: 1000 },
      answerMode: 'manual',
      codecs: ['pcmu'],
    });
    try {
      const before = rig.calls.length;
      await caller.dial(`sip:agent@127.0.0.1:${rig.sipPort}`);
      const call = await nextCall(before);
      expect(call.state).toBe('PENDING');
      await caller.waitForEvent('CALL_RINGING'); // 180 while PENDING
      const dtmf: string[] = [];
      call.on(events.CALL_DTMF, (_call, d) => void dtmf.push(d.digit));
      const terminated = new Promise<string>((resolve) =>
        call.on(events.CALL_TERMINATED, (_call, d) => resolve(d.reason)),
      );
      const heard: Int16Array[] = [];
      const reading = (async () => {
        for await (const chunk of call.audioStream()) heard.push(pcmFromBytes(chunk));
      })();
      await call.answer();
      await call.sendAudio(toneBytes(440, 8));
      await caller.waitForEvent('CALL_ESTABLISHED');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await caller.sendDigit('5');
      await waitFor(() => (dtmf.length > 0 ? true : undefined), {
        timeoutMs: 5_000,
        describe: () => 'the DTMF event',
      });
      await caller.hangup();
      await caller.waitForEvent('CALL_CLOSED');
      expect(await terminated).toBe(TerminationReason.CALLER_HUNG_UP);
      expect(call.state).toBe('DISCONNECTED'); // from call-control's event stream
      await reading;

      expect(dtmf).toEqual(['5']);
      const recording = caller.recording();
      // the agent's 440 Hz tone reached the caller; nothing else was mixed in
      expect(
        toneReport(recording.heard, 8000, 440, { fromS: 0.5, toS: 3 }).presentFraction,
      ).toBeGreaterThan(0.8);
      expect(toneReport(recording.heard, 8000, 1000, { fromS: 0.5, toS: 3 }).presentFraction).toBe(
        0,
      );
      // the agent heard the caller's 1000 Hz tone (16 kHz on the bus)
      const agentHeard = Int16Array.from(heard.flatMap((c) => [...c]));
      expect(agentHeard.length).toBeGreaterThan(16000 * 2);
      expect(
        toneReport(agentHeard, 16000, 1000, { fromS: 0.5, toS: 2.5 }).presentFraction,
      ).toBeGreaterThan(0.8);
      const left = () =>
        rig.app.stats.sipCalls + rig.app.stats.sipDialogs + rig.app.stats.rtpSockets;
      await waitFor(() => (left() === 0 ? true : undefined), {
        describe: () => 'the SIP call to be gone',
      });
    } finally {
      await caller.stop();
    }
  });
});
