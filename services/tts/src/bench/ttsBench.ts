/**
 * `pnpm bench`: real-time factor and first-audio latency of every local engine
 * and voice at 8 and 16 kHz over ten call-centre sentences, and the first-frame
 * latency of a cached phrase. Prints figures only; asserts nothing.
 */
import type { SampleRate } from '@warmline/audio';
import { LOCAL_ENGINES } from '../engines/createEngine';
import { LocalEngine } from '../engines/local/localEngine';
import { cachedFirstFrameMs } from './cachedFirstFrame';
import { timeSynthesis } from './measureEngine';
import { BENCH_SENTENCES } from './sentences';
import { cell, percentile } from './stats';

const RATES: readonly SampleRate[] = [8000, 16000];

const benchVoice = async (
  engine: LocalEngine,
  voice: string,
  rate: SampleRate,
): Promise<string> => {
  await timeSynthesis(engine, 'Warm up.', voice, rate); // page the voice in
  const timings = [];
  for (const sentence of BENCH_SENTENCES)
    timings.push(await timeSynthesis(engine, sentence, voice, rate));
  const first = timings.map((t) => t.firstAudioMs);
  const total = timings.reduce((s, t) => s + t.totalMs, 0);
  const audio = timings.reduce((s, t) => s + t.audioMs, 0);
  return [
    `${engine.name} ${voice}`.padEnd(22),
    String(rate).padStart(6),
    cell(total / audio, 3, 8),
    cell(percentile(first, 50), 1, 10),
    cell(percentile(first, 95), 1, 10),
    cell(total / timings.length, 1, 10),
    cell(audio / 1000, 1, 8),
  ].join(' ');
};

const main = async (): Promise<void> => {
  console.log(`tts bench: ${BENCH_SENTENCES.length} sentences per row, one at a time, unpaced`);
  console.log(
    'RTF = synthesis wall time / audio time; first audio = call to first PCM chunk (spawn included)',
  );
  console.log(
    [
      'engine voice'.padEnd(22),
      'rate'.padStart(6),
      'RTF'.padStart(8),
      'first p50'.padStart(10),
      'first p95'.padStart(10),
      'mean ms'.padStart(10),
      'audio s'.padStart(8),
    ].join(' '),
  );
  for (const spec of Object.values(LOCAL_ENGINES)) {
    const engine = new LocalEngine(spec);
    for (const voice of spec.voices.filter(
      (v) => !v.includes('+') && !v.startsWith('en-gb-x') && v !== 'en-029',
    )) {
      for (const rate of RATES) {
        try {
          console.log(await benchVoice(engine, voice, rate));
        } catch (error) {
          console.log(
            `${spec.name} ${voice} ${rate}: failed (${error instanceof Error ? error.message : String(error)})`,
          );
        }
      }
    }
    await engine.close();
  }
  const flite = new LocalEngine(LOCAL_ENGINES.flite);
  for (const rate of RATES) {
    const cached = await cachedFirstFrameMs(flite, BENCH_SENTENCES[0]!, rate, 200);
    console.log(
      `cached phrase, first frame published (${rate} Hz, 200 runs): ` +
        `p50 ${percentile(cached, 50).toFixed(3)} ms, p95 ${percentile(cached, 95).toFixed(3)} ms`,
    );
  }
  await flite.close();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
