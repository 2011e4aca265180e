import type { Bus } from '@warmline/bus';
import { waitFor } from '@warmline/testing';
import { fliteSpec } from './engines/local/flite';
import { LocalEngine } from './engines/local/localEngine';
import { FaultyEngine } from './testSupport/faultyEngine';
import { type Replica, useTts } from './testSupport/ttsHarness';

describe('tts service: engine failures', () => {
  const tts = useTts();
  const engine = new FaultyEngine(new LocalEngine(fliteSpec));
  let client: Bus;
  let replica: Replica;
  beforeAll(async () => {
    replica = await tts.start({
      engine,
      settings: { retry: { maxAttempts: 3, backoffMs: [20, 50] } },
    });
    client = await tts.connect('client');
  });
  const settled = () => waitFor(async () => ((await tts.queued(client)) === 0 ? true : undefined));

  it('retries a failed synthesis with backoff and speaks it once it succeeds', async () => {
    const frames = tts.listen(client, 'call-f1');
    const text = '[fail:2] Sorry for the wait.';
    const request = await tts.speak(client, { callId: 'call-f1', text });
    await frames.ended(request.utteranceId);
    await settled();
    expect(engine.attempts.get(text)).toBe(3);
    expect(frames.of(request.utteranceId).length).toBeGreaterThan(20); // real speech, not just an end marker
    frames.stop();
  });

  it('gives up after the last attempt, ends the utterance with one silent frame, and acks', async () => {
    const frames = tts.listen(client, 'call-f2');
    const text = '[fail:9] This will never be said.';
    const request = await tts.speak(client, { callId: 'call-f2', text });
    await frames.ended(request.utteranceId);
    await settled();
    expect(engine.attempts.get(text)).toBe(3);
    const [only, ...rest] = frames.of(request.utteranceId);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ sequence: 0, endOfUtterance: true });
    expect(only!.pcm.every((byte) => byte === 0)).toBe(true);
    const failure = replica.logs.find((l) => l.msg === 'synthesis failed, utterance ended');
    expect(failure).toMatchObject({ reason: 'attempts-exhausted', deliveryCount: 3 });
    frames.stop();
  });

  it('does not retry what cannot succeed (the engine program is missing)', async () => {
    const frames = tts.listen(client, 'call-f3');
    const text = '[missing] Hello.';
    const request = await tts.speak(client, { callId: 'call-f3', text });
    await frames.ended(request.utteranceId);
    await settled();
    expect(engine.attempts.get(text)).toBe(1);
    frames.stop();
  });

  it('keeps the text being spoken out of log messages (it appears only under pii, redacted)', async () => {
    const spoken = replica.logs.filter((l) => l.msg === 'utterance spoken');
    expect(spoken.length).toBeGreaterThan(0);
    expect(spoken.every((l) => JSON.stringify(l.pii) === '{"text":"[redacted]"}')).toBe(true);
    expect(JSON.stringify(replica.logs)).not.toContain('Sorry for the wait');
  });
});
