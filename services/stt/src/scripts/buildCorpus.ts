/**
 * `pnpm --filter @warmline/stt corpus:build`: renders the corpus sentences with
 * every packaged voice at 16 kHz (wideband) and through a telephone channel
 * (8 kHz, μ-law round trip), and writes WAV files plus manifest.json into
 * services/stt/corpus. Deterministic: re-running gives byte-identical files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeWav } from '@warmline/audio';
import type { CorpusEntry, CorpusManifest } from '../corpus/corpusManifest';
import { CORPUS_DIR } from '../corpus/loadCorpus';
import { BACKCHANNEL_CLIPS, CORPUS_SENTENCES } from '../corpus/sentences';
import { synthesize } from '../corpus/synthesize';
import { telephoneChannel } from '../corpus/telephoneChannel';
import { trimSilence } from '../corpus/trimSilence';
import { CORPUS_VOICES } from '../corpus/voices';

const durationMs = (samples: Int16Array, rate: number): number =>
  Math.round((samples.length * 1000) / rate);

const main = async (): Promise<void> => {
  const dir = process.argv[2] ?? CORPUS_DIR;
  for (const sub of ['16k', '8k']) {
    rmSync(path.join(dir, sub), { recursive: true, force: true });
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  const entries: CorpusEntry[] = [];
  for (const voice of CORPUS_VOICES) {
    for (const sentence of [...CORPUS_SENTENCES, ...BACKCHANNEL_CLIPS]) {
      const rendered = await synthesize(voice, sentence.text);
      if (rendered.sampleRate !== 16000)
        throw new Error(`${voice.name} rendered ${rendered.sampleRate} Hz`);
      const wide = trimSilence(rendered.samples, { rate: 16000 });
      const narrow = telephoneChannel(wide);
      const base = {
        voice: voice.name,
        sentenceId: sentence.id,
        text: sentence.text,
        kind: sentence.kind,
        humanRequest: sentence.humanRequest,
      };
      const name = `${voice.name}-${sentence.id}.wav`;
      writeFileSync(path.join(dir, '16k', name), writeWav(wide, 16000));
      writeFileSync(path.join(dir, '8k', name), writeWav(narrow, 8000));
      entries.push({
        ...base,
        file: `16k/${name}`,
        rate: 16000,
        channel: 'wideband',
        durationMs: durationMs(wide, 16000),
      });
      entries.push({
        ...base,
        file: `8k/${name}`,
        rate: 8000,
        channel: 'telephone',
        durationMs: durationMs(narrow, 8000),
      });
    }
    console.log(
      `rendered ${CORPUS_SENTENCES.length} sentences and ${BACKCHANNEL_CLIPS.length} backchannels with ${voice.name}`,
    );
  }
  const manifest: CorpusManifest = {
    version: 1,
    description:
      'Call-centre sentences rendered by packaged TTS voices (flite slt/rms/kal16, festival kal) at 16 kHz; ' +
      '8k/ holds the same audio after a telephone channel (resampled to 8 kHz, G.711 mu-law round trip). ' +
      'Entries of kind backchannel are short acknowledgements for barge-in tests, not scored for WER. ' +
      'Built by src/scripts/buildCorpus.ts.',
    entries,
  };
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${entries.length} files and manifest.json to ${dir}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
