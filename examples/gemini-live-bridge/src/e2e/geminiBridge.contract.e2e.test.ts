/**
 * Contract test through the real gateway: a Twilio-protocol caller calls the local stack, the
 * bridge opens a Gemini Live session to a local server playing Google's part of the published
 * protocol, and the test plays the model: audio down, an interruption, a tool call.
 */
import { pcmFromBytes, sine } from '@warmline/audio';
import { LocalCallRig } from '@warmline/example-kit/testing';
import { toneReport, waitFor } from '@warmline/testing';
import { runGeminiBridge } from '../bridge';
import { END_CALL_TOOL, TRANSFER_TOOL } from '../domain/liveProtocol';
import { LiveSession } from '../liveSession';
import { FakeGeminiLive } from '../testSupport/fakeGeminiLive';

let google: FakeGeminiLive;
let rig: LocalCallRig;

beforeAll(async () => {
  google = await FakeGeminiLive.start();
  rig = await LocalCallRig.start({}, (r) => {
    runGeminiBridge({
      client: r.client,
      openSession: () =>
        LiveSession.open({
          url: google.url,
          apiKey: 'test-key',
          setup: {
            model: 'models/gemini-live-test',
            systemInstruction: 'Be brief.',
            tools: [TRANSFER_TOOL, END_CALL_TOOL],
          },
        }),
    });
  });
});

afterAll(async () => {
  await rig?.stop();
  await google?.stop();
});

/** The model says a 440 Hz "line" of `ms`, in 100 ms inlineData chunks at 24 kHz. */
function modelSpeaks(send: (m: object) => void, ms: number): void {
  const pcm = sine({ rate: 24_000, hz: 440, durationMs: ms, amplitude: 0.3 });
  for (let at = 0; at < pcm.length; at += 2_400) {
    const chunk = Buffer.from(pcm.slice(at, at + 2_400).buffer).toString('base64');
    send({
      serverContent: {
        modelTurn: { parts: [{ inlineData: { mimeType: 'audio/pcm;rate=24000', data: chunk } }] },
      },
    });
  }
}

describe('the Gemini Live bridge through the real gateway (contract)', () => {
  it('caller audio up, model audio down, an interruption clears, a tool call transfers', async () => {
    const call = await rig.dial();
    await rig.reached(call.callId, 'ANSWERED');
    const session = await waitFor(() => google.connections.at(-1));

    // Uplink: the caller's 1 kHz tone reaches the model as realtimeInput audio.
    await call.caller.play(sine({ rate: 8000, hz: 1000, durationMs: 1_000, amplitude: 0.3 }));
    await waitFor(() => (session.audioMs() >= 800 ? true : undefined), {
      describe: () => `caller audio at the model (${session.audioMs()} ms)`,
    });
    const up = pcmFromBytes(new Uint8Array(Buffer.concat(session.audio.map((a) => a.pcm))));
    expect(session.audio[0]!.mimeType).toBe('audio/pcm;rate=16000');
    expect(toneReport(up, 16_000, 1000).presentFraction).toBeGreaterThan(0.5);

    // Downlink: 4 s of model audio; the caller starts hearing it, then the model is interrupted.
    modelSpeaks((m) => session.send(m), 4_000);
    await rig.heardSpeech(call);
    await new Promise((resolve) => setTimeout(resolve, 500));
    session.send({ serverContent: { interrupted: true } });
    await call.caller.waitUntil(() => call.caller.clears.length > 0, 10_000, 'a clear');
    await rig.agentDone(call);
    const heard = rig.heardAudio(call);
    expect(toneReport(heard, 8000, 440).presentFraction).toBeGreaterThan(0.5);
    expect(rig.heardSpeechMs(call)).toBeLessThan(3_000); // cut short, not the whole 4 s

    // A tool call hands the caller to a human: toolResponse, connect, close.
    session.send({
      toolCall: {
        functionCalls: [
          { id: 'fc-1', name: 'transfer_to_human', args: { reason: 'asked for a person' } },
        ],
      },
    });
    await rig.reached(call.callId, 'TERMINATED');
    expect(session.toolResponses).toEqual([
      { id: 'fc-1', name: 'transfer_to_human', response: { transferring: true } },
    ]);
    expect(rig.states(call.callId).filter((s) => !s.startsWith('MODE:'))).toEqual([
      'PENDING',
      'ANSWERED',
      'CONNECTED',
      'TERMINATED:AGENT_LEFT',
    ]);
    expect(call.dial()?.callId).toBe(call.callId);
    expect(session.violations).toEqual([]);
    expect(await session.closed).toBe(1000); // the bridge closed its session
  });
});
