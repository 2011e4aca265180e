import { sine } from '@warmline/audio';
import type { AudioFrame } from '@warmline/contracts';
import { PhraseCache } from '../domain/cache/phraseCache';
import { LeadBudget } from '../domain/pacing/leadBudget';
import { EngineExitError } from '../engines/engineErrors';
import type { SpeechEngine, SynthesisOptions } from '../engines/speechEngine';
import { speakUtterance, type UtteranceDeps, type UtteranceRequest } from './speakUtterance';

/** An engine yielding `chunks` chunks of 100 ms of tone, then optionally failing. */
const toneEngine = (chunks: number, failAfter?: number): SpeechEngine & { calls: number } => ({
  name: 'tone',
  defaultVoice: 'a',
  calls: 0,
  supportsVoice: () => true,
  async *synthesize(_text: string, { sampleRate }: SynthesisOptions) {
    this.calls++;
    for (let i = 0; i < chunks; i++) {
      if (failAfter !== undefined && i === failAfter)
        throw new EngineExitError('tone', 1, null, '');
      yield sine({ rate: sampleRate, hz: 440, durationMs: 100 });
    }
  },
  close: async () => undefined,
});

/** Deps on a virtual clock: sleeping advances time instantly. */
const virtualDeps = (
  engine: SpeechEngine,
  onPublish: (frame: AudioFrame, at: number) => void = () => undefined,
) => {
  let now = 0;
  const published: { frame: AudioFrame; at: number }[] = [];
  const deps: UtteranceDeps = {
    engine,
    cache: new PhraseCache({ maxBytes: 1 << 20, maxEntryBytes: 1 << 20 }),
    publish: (frame) => {
      published.push({ frame, at: now });
      onPublish(frame, now);
    },
    now: () => now,
    wallNow: () => 1_700_000_000_000 + now,
    sleep: async (ms, signal) => {
      if (signal.aborted) throw new Error('aborted');
      now += ms;
    },
    pacingBatchMs: 60,
  };
  return { deps, published };
};

const request = (overrides: Partial<UtteranceRequest> = {}): UtteranceRequest => ({
  callId: 'c1',
  utteranceId: 'u1',
  text: 'Hello.',
  voice: 'a',
  sampleRate: 8000,
  cacheable: false,
  signal: new AbortController().signal,
  budget: new LeadBudget(200),
  ...overrides,
});

describe('speakUtterance', () => {
  it('publishes the first lead at once, then never gets more than the lead ahead of playback', async () => {
    const { deps, published } = virtualDeps(toneEngine(10)); // 1 s of audio
    const outcome = await speakUtterance(deps, request());
    expect(outcome).toMatchObject({
      kind: 'completed',
      framesPublished: 50,
      firstAudioMs: 0,
      audioMs: 1_000,
    });
    expect(published.filter((p) => p.at === 0)).toHaveLength(10); // 200 ms lead
    published.forEach(({ at }, i) => expect((i + 1) * 20 - at).toBeLessThanOrEqual(200));
    expect(published.at(-1)?.frame.endOfUtterance).toBe(true);
  });

  it('publishes nothing more once aborted, and reports the utterance cancelled', async () => {
    const controller = new AbortController();
    const { deps, published } = virtualDeps(toneEngine(10), (frame) => {
      if (frame.sequence === 19) controller.abort();
    });
    const outcome = await speakUtterance(deps, request({ signal: controller.signal }));
    expect(outcome).toMatchObject({ kind: 'cancelled', framesPublished: 20 });
    expect(published).toHaveLength(20);
    expect(published.some((p) => p.frame.endOfUtterance)).toBe(false);
  });

  it('stores a cacheable phrase after speaking it, and serves it from the cache next time', async () => {
    const engine = toneEngine(3);
    const { deps, published } = virtualDeps(engine);
    const first = await speakUtterance(deps, request({ cacheable: true }));
    const second = await speakUtterance(
      deps,
      request({ cacheable: true, utteranceId: 'u2', budget: new LeadBudget(200) }),
    );
    expect([first.cacheHit, second.cacheHit, engine.calls]).toEqual([false, true, 1]);
    const pcm = (id: string) =>
      Buffer.concat(published.filter((p) => p.frame.utteranceId === id).map((p) => p.frame.pcm));
    expect(pcm('u2').equals(pcm('u1'))).toBe(true);
  });

  it('does not cache a phrase whose synthesis was cut short', async () => {
    const controller = new AbortController();
    const engine = toneEngine(10);
    const { deps } = virtualDeps(engine, (frame) => frame.sequence === 5 && controller.abort());
    await speakUtterance(deps, request({ cacheable: true, signal: controller.signal }));
    expect(deps.cache.size).toBe(0);
  });

  it('reports a failure with the frames already published (a retry would repeat them)', async () => {
    const { deps } = virtualDeps(toneEngine(10, 2));
    const outcome = await speakUtterance(deps, request());
    expect(outcome.kind).toBe('failed');
    expect(outcome.error).toBeInstanceOf(EngineExitError);
    expect(outcome.framesPublished).toBe(9); // 200 ms in, one frame held back as a possible last one
  });
});
