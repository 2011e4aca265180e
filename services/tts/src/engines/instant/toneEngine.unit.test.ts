import { SynthesisAbortedError, UnsupportedVoiceError } from '../engineErrors';
import { ToneEngine, toneDurationMs } from './toneEngine';

const collect = async (iterable: AsyncIterable<Int16Array>): Promise<Int16Array[]> => {
  const out: Int16Array[] = [];
  for await (const chunk of iterable) out.push(chunk);
  return out;
};

describe('ToneEngine', () => {
  it('gives a tone as long as the text would take to say, in 100 ms chunks at the rate asked', async () => {
    const engine = new ToneEngine();
    const signal = new AbortController().signal;
    const chunks = await collect(
      engine.synthesize('one two three four', { voice: 'tone', sampleRate: 8000, signal }),
    );
    const samples = chunks.reduce((n, c) => n + c.length, 0);
    expect(samples).toBe((toneDurationMs('one two three four') * 8000) / 1000);
    expect(samples).toBe(11_200);
    expect(chunks[0]!.length).toBe(800);
    expect(Math.max(...chunks[0]!)).toBeGreaterThan(2_000);
  });

  it('lasts at least 200 ms, even for an empty text', () => {
    expect(toneDurationMs('')).toBe(200);
    expect(toneDurationMs('  hi  ')).toBe(350);
  });

  it('refuses a voice it lacks and stops with SynthesisAbortedError when aborted', async () => {
    const engine = new ToneEngine();
    const controller = new AbortController();
    await expect(
      collect(
        engine.synthesize('hi', { voice: 'slt', sampleRate: 16000, signal: controller.signal }),
      ),
    ).rejects.toBeInstanceOf(UnsupportedVoiceError);
    const tone = engine.synthesize('a long enough text to need several chunks', {
      voice: 'tone',
      sampleRate: 16000,
      signal: controller.signal,
    });
    const iterator = tone[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    controller.abort();
    await expect(iterator.next()).rejects.toBeInstanceOf(SynthesisAbortedError);
  });
});
