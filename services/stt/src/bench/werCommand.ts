/**
 * `pnpm --filter @warmline/stt wer` (and `bench`): runs the local pocketsphinx
 * engine over the committed corpus and prints word error rate per voice and
 * sample rate, keyword-pass recall, real-time factor, and, on a real-time
 * paced subset, first-partial and finalisation latency.
 *
 * Options: --rate 16000|8000 (default both), --voice NAME, --limit N (files per voice and rate), --no-realtime,
 * --verbose (every file's reference and hypothesis).
 */
import { loadManifest } from '../corpus/loadCorpus';
import { PocketsphinxRecognizer } from '../engines/pocketsphinx/pocketsphinxRecognizer';
import { bargeInRun } from './bargeInRun';
import { runCorpus } from './corpusRun';
import { processCpuMs } from './processCpu';
import { percent, quantiles, werRows } from './werReport';

const flag = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

const main = async (): Promise<void> => {
  const rate = flag('--rate');
  const voice = flag('--voice');
  const limit = Number(flag('--limit') ?? Infinity);
  const perGroup = new Map<string, number>();
  const entries = loadManifest().entries.filter((entry) => {
    if (entry.kind !== 'sentence') return false;
    if (voice && entry.voice !== voice) return false;
    if (rate && entry.rate !== Number(rate)) return false;
    const key = `${entry.voice}|${entry.rate}`;
    perGroup.set(key, (perGroup.get(key) ?? 0) + 1);
    return (perGroup.get(key) ?? 0) <= limit;
  });
  const recognizer = new PocketsphinxRecognizer({ maxPendingBytes: 64 * 1024 * 1024 });
  const loadStart = performance.now();
  await recognizer.start();
  console.log(
    `pocketsphinx sidecar ready in ${(performance.now() - loadStart).toFixed(0)} ms (pid ${recognizer.pid})`,
  );
  try {
    const cpuBefore = processCpuMs(recognizer.pid);
    const results = await runCorpus(recognizer, entries);
    const cpuAfter = processCpuMs(recognizer.pid);
    if (process.argv.includes('--verbose')) {
      for (const r of results)
        console.log(
          `${r.entry.file}\t${(r.wer.wer * 100).toFixed(0)}%\t${r.entry.text} => ${r.recognition.text}`,
        );
    }
    console.log(
      '\nWord error rate (pocketsphinx en-us, 8 kHz files: mu-law round trip, resampled to 16 kHz)',
    );
    console.table(werRows(results).map((row) => ({ ...row, wer: percent(row.wer) })));
    const audioMs = results.reduce((total, r) => total + r.entry.durationMs, 0);
    const wallMs = results.reduce((total, r) => total + r.recognition.wallMs, 0);
    const failed = results.filter((r) => r.recognition.error).length;
    console.log(
      `real-time factor (wall): ${(wallMs / audioMs).toFixed(3)} (${(audioMs / 1000).toFixed(1)} s of audio in ${(wallMs / 1000).toFixed(1)} s, one stream, as fast as it goes; ${failed} failed)`,
    );
    if (cpuBefore !== undefined && cpuAfter !== undefined) {
      console.log(
        `real-time factor (sidecar CPU time, both decoders): ${((cpuAfter - cpuBefore) / audioMs).toFixed(3)}`,
      );
    }
    if (process.argv.includes('--no-realtime')) return;
    const subset = entries.filter((e) => e.rate === 16000 && Number(e.sentenceId) <= 3);
    const paced = await runCorpus(recognizer, subset, { realTime: true });
    const first = quantiles(
      paced.flatMap((r) =>
        r.recognition.firstPartialWallMs === undefined ? [] : [r.recognition.firstPartialWallMs],
      ),
    );
    const firstAudio = quantiles(
      paced.flatMap((r) =>
        r.recognition.firstPartialAudioMs === undefined ? [] : [r.recognition.firstPartialAudioMs],
      ),
    );
    const final = quantiles(paced.map((r) => r.recognition.finalLatencyMs));
    console.log(`\nreal-time paced, ${paced.length} files at 16 kHz:`);
    console.log(
      `  first partial after the first frame: p50 ${first.p50.toFixed(0)} ms, p95 ${first.p95.toFixed(0)} ms (audio heard: p50 ${firstAudio.p50} ms; includes leading silence of about 100 ms)`,
    );
    console.log(
      `  final after end(): p50 ${final.p50.toFixed(0)} ms, p95 ${final.p95.toFixed(0)} ms`,
    );
    const all = loadManifest().entries.filter(
      (e) =>
        e.rate === 16000 &&
        (e.kind === 'backchannel' || (e.humanRequest && e.voice === 'flite-rms')),
    );
    console.log(
      '\nbarge-in rule with real partials, spoken over a playing agent utterance (16 kHz):',
    );
    for (const entry of all) {
      const run = await bargeInRun(recognizer, entry);
      console.log(
        `  ${entry.file.padEnd(28)} ${run.interrupted ? 'INTERRUPTS' : 'lets pass '}  "${entry.text}"  partials: ${run.partials.map((p) => `"${p}"`).join(', ')}`,
      );
    }
  } finally {
    await recognizer.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
