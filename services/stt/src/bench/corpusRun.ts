import type { CorpusEntry } from '../corpus/corpusManifest';
import { loadCorpusAudio16k } from '../corpus/loadCorpus';
import { wordErrorRate, type WerResult } from '../domain/wer/wordErrorRate';
import type { SpeechRecognizer } from '../engines/recognition';
import { type ClipOptions, type ClipRecognition, recognizeClip } from '../engines/recognizeAudio';

/** One corpus file's recognition and its score. */
export interface CorpusResult {
  readonly entry: CorpusEntry;
  readonly recognition: ClipRecognition;
  readonly wer: WerResult;
}

/** Recognises `entries` one after another (as 16 kHz, telephone files resampled) and scores each. */
export const runCorpus = async (
  recognizer: SpeechRecognizer,
  entries: readonly CorpusEntry[],
  options: ClipOptions = {},
): Promise<CorpusResult[]> => {
  const results: CorpusResult[] = [];
  for (const entry of entries) {
    const recognition = await recognizeClip(recognizer, loadCorpusAudio16k(entry), {
      ...options,
      sourceRate: entry.rate,
    });
    results.push({ entry, recognition, wer: wordErrorRate(entry.text, recognition.text) });
  }
  return results;
};
