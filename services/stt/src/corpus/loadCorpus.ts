import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readWav, resample } from '@warmline/audio';
import { CorpusError } from '../errors';
import type { CorpusEntry, CorpusManifest } from './corpusManifest';

/** The committed corpus folder (`services/stt/corpus`), from `src/` or `dist/` alike. */
export const CORPUS_DIR = path.resolve(__dirname, '../../corpus');

/** Reads `manifest.json` from the corpus folder. @throws {@link CorpusError} when it is missing. */
export const loadManifest = (dir: string = CORPUS_DIR): CorpusManifest => {
  const file = path.join(dir, 'manifest.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CorpusManifest;
  } catch (cause) {
    throw new CorpusError('cannot read the corpus manifest; run corpus:build', file, { cause });
  }
};

/** Reads one corpus file's samples at its own rate. @throws {@link CorpusError}. */
export const loadCorpusAudio = (entry: CorpusEntry, dir: string = CORPUS_DIR): Int16Array => {
  const file = path.join(dir, entry.file);
  try {
    return readWav(readFileSync(file)).samples;
  } catch (cause) {
    throw new CorpusError('cannot read a corpus file', file, { cause });
  }
};

/**
 * A corpus file as the engine receives it: 16 kHz PCM. Telephone (8 kHz)
 * entries go through the same resampler the gateway uses.
 */
export const loadCorpusAudio16k = (entry: CorpusEntry, dir: string = CORPUS_DIR): Int16Array => {
  const samples = loadCorpusAudio(entry, dir);
  return entry.rate === 16000 ? samples : resample(samples, entry.rate, 16000);
};
