import { rmsDbfs, type SampleRate } from '@warmline/audio';
import { UtteranceFramer } from '../../domain/frames/utteranceFramer';
import { childProcesses, processGroup } from '../../testSupport/childProcesses';
import { collectPcm } from '../../testSupport/collectPcm';
import { chunksOf } from '../../testSupport/chunksOf';
import { waitFor } from '@warmline/testing';
import {
  EngineExitError,
  EngineNotFoundError,
  SynthesisAbortedError,
  UnsupportedVoiceError,
} from '../engineErrors';
import { espeakNgSpec } from './espeakNg';
import { festivalSpec } from './festival';
import { fliteSpec } from './flite';
import { LocalEngine } from './localEngine';
import type { LocalEngineSpec } from './localEngineSpec';

const SENTENCE = 'Thank you for calling, how can I help you today?';
const LONG =
  'Hello, thank you for calling Warmline support. I can check the status of your order. ' +
  'I can also change your delivery address. If you would rather speak to a person, just say so.';

const options = (sampleRate: SampleRate, signal = new AbortController().signal) => ({
  voice: 'slt',
  sampleRate,
  signal,
});

/** Plausible speaking rates: 8 to 25 characters of text per second of audio. */
const expectPlausibleDuration = (samples: number, rate: number, text: string) => {
  const seconds = samples / rate;
  expect(seconds).toBeGreaterThan(text.length / 25);
  expect(seconds).toBeLessThan(text.length / 8);
};

describe('LocalEngine (flite slt, the default)', () => {
  const engine = new LocalEngine(fliteSpec);
  afterAll(() => engine.close());

  it.each([8000, 16000, 24000] as const)(
    'says a sentence at %d Hz: exact 20 ms frames of real speech, of a plausible length',
    async (rate) => {
      const framer = new UtteranceFramer(rate);
      const frames = [];
      for await (const chunk of engine.synthesize(SENTENCE, options(rate)))
        frames.push(...framer.push(chunk));
      frames.push(...framer.finish());
      expect(new Set(frames.map((f) => f.pcm.length))).toEqual(new Set([(rate * 20) / 1000]));
      const all = Int16Array.from(frames.flatMap((f) => Array.from(f.pcm)));
      expect(rmsDbfs(all)).toBeGreaterThan(-35); // speech, not silence
      const voiced = frames.filter((f) => rmsDbfs(f.pcm) > -40).length;
      expect(voiced / frames.length).toBeGreaterThan(0.5);
      expectPlausibleDuration(all.length, rate, SENTENCE);
    },
  );

  it('yields the first audio before the rest of a multi-sentence text is synthesised', async () => {
    const whole = await collectPcm(engine.synthesize(LONG, options(16000)));
    const chunks = chunksOf(engine.synthesize(LONG, options(16000)));
    const first = await chunks.next();
    // Lazy: the first segment's process may still be exiting; no later one has started.
    expect(childProcesses('flite').length).toBeLessThanOrEqual(1);
    expect(first!.length).toBeLessThan(whole.samples.length / 4);
    expect(first!.length + (await chunks.drain())).toBe(whole.samples.length);
    expect(whole.chunks).toBeGreaterThan(3); // one or more per segment
  });

  it('says the same text the same way every time (what the phrase cache relies on)', async () => {
    const a = await collectPcm(engine.synthesize(SENTENCE, options(8000)));
    const b = await collectPcm(engine.synthesize(SENTENCE, options(8000)));
    expect(Buffer.from(a.samples.buffer).equals(Buffer.from(b.samples.buffer))).toBe(true);
  });

  it('kills the running process on abort and reaps it: no orphan, no zombie', async () => {
    const controller = new AbortController();
    const long = 'This is one long clause without any pause in it '.repeat(12);
    const pending = chunksOf(engine.synthesize(long, options(8000, controller.signal))).next();
    const [running] = await waitFor(() => {
      const found = childProcesses('flite');
      return found.length > 0 ? found : undefined;
    });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(SynthesisAbortedError);
    expect(processGroup(running!.pgid)).toEqual([]);
    expect(childProcesses('flite')).toEqual([]);
  });

  it('stops the process when the consumer stops iterating early', async () => {
    for await (const chunk of engine.synthesize(LONG, options(8000))) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(childProcesses('flite')).toEqual([]);
  });

  it('refuses a voice flite lacks instead of letting flite fall back to kal', async () => {
    await expect(
      collectPcm(engine.synthesize(SENTENCE, { ...options(8000), voice: 'nobody' })),
    ).rejects.toBeInstanceOf(UnsupportedVoiceError);
  });
});

describe('LocalEngine failures', () => {
  it('throws EngineNotFoundError when the program is not installed', async () => {
    const engine = new LocalEngine(fliteSpec, { binary: 'flite-not-installed' });
    await expect(collectPcm(engine.synthesize(SENTENCE, options(8000)))).rejects.toBeInstanceOf(
      EngineNotFoundError,
    );
    await engine.close();
  });

  it('throws EngineExitError with the status and stderr when the program fails', async () => {
    const failing: LocalEngineSpec = {
      ...fliteSpec,
      name: 'failing',
      binary: 'sh',
      command: (binary) => ({
        binary,
        args: ['-c', 'echo no voice data >&2; exit 3'],
        output: 'fifo',
      }),
    };
    const engine = new LocalEngine(failing);
    const error = await collectPcm(engine.synthesize(SENTENCE, options(8000))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineExitError);
    expect(error).toMatchObject({ code: 3, retryable: true, stderr: 'no voice data\n' });
    await engine.close();
  });
});

describe.each([
  ['espeak-ng', espeakNgSpec, 'en-us'],
  ['festival', festivalSpec, 'kal_diphone'],
  ['flite', fliteSpec, 'kal16'],
] as const)('LocalEngine (%s)', (_name, spec, voice) => {
  const engine = new LocalEngine(spec);
  afterAll(() => engine.close());

  it(`says a sentence with ${voice} at 8 kHz`, async () => {
    const { samples } = await collectPcm(engine.synthesize(SENTENCE, { ...options(8000), voice }));
    expect(rmsDbfs(samples)).toBeGreaterThan(-35);
    expectPlausibleDuration(samples.length, 8000, SENTENCE);
  });
});
