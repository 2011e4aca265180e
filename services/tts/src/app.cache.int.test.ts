import type { Bus } from '@warmline/bus';
import { counterValue, useTts } from './testSupport/ttsHarness';

const GREETING = 'Hello, thank you for calling Warmline. How can I help you today?';
const TRANSITION = 'Let me connect you to a colleague who can help.';

const pcmOf = (frames: { pcm: Uint8Array }[]) => Buffer.concat(frames.map((f) => f.pcm));

describe('tts service: phrase cache', () => {
  const tts = useTts();
  let client: Bus;
  const hits = async () => counterValue(await tts.metrics(), 'warmline_tts_cache_hits_total');
  const misses = async () => counterValue(await tts.metrics(), 'warmline_tts_cache_misses_total');

  beforeAll(async () => {
    await tts.start({ settings: { preload: { phrases: [TRANSITION], sampleRates: [8000] } } });
    client = await tts.connect('client');
  });

  it('synthesises a cacheable phrase once, then serves it from the cache, frame for frame the same', async () => {
    const [hitsBefore, missesBefore] = [await hits(), await misses()];
    const frames = tts.listen(client, 'call-1');
    const first = await tts.speak(client, { callId: 'call-1', text: GREETING, cacheable: true });
    await frames.ended(first.utteranceId);
    expect([await hits(), await misses()]).toEqual([hitsBefore, missesBefore + 1]);

    const again = await tts.speak(client, {
      callId: 'call-1',
      text: ` ${GREETING}\n`,
      cacheable: true,
    });
    await frames.ended(again.utteranceId);
    expect([await hits(), await misses()]).toEqual([hitsBefore + 1, missesBefore + 1]);
    expect(pcmOf(frames.of(again.utteranceId)).equals(pcmOf(frames.of(first.utteranceId)))).toBe(
      true,
    );
    frames.stop();
  });

  it('serves a configured phrase from the cache on its very first request', async () => {
    const hitsBefore = await hits();
    const frames = tts.listen(client, 'call-2');
    const request = await tts.speak(client, {
      callId: 'call-2',
      text: TRANSITION,
      cacheable: true,
    });
    await frames.ended(request.utteranceId);
    expect(await hits()).toBe(hitsBefore + 1);
    frames.stop();
  });

  it('does not cache a phrase the request does not mark cacheable', async () => {
    const frames = tts.listen(client, 'call-3');
    const [hitsBefore, missesBefore] = [await hits(), await misses()];
    for (let i = 0; i < 2; i++) {
      const request = await tts.speak(client, {
        callId: 'call-3',
        text: 'Your order ships on Monday.',
      });
      await frames.ended(request.utteranceId);
    }
    expect([await hits(), await misses()]).toEqual([hitsBefore, missesBefore]);
    frames.stop();
  });
});
