/** The two ways corpus audio reaches the engine. */
export type CorpusChannel = 'wideband' | 'telephone';

/** One WAV file of the corpus. */
export interface CorpusEntry {
  /** Path relative to the corpus folder, e.g. `16k/flite-slt-01.wav`. */
  readonly file: string;
  /** Voice name from {@link CORPUS_VOICES}. */
  readonly voice: string;
  /** Sample rate of the file: 16000 (wideband) or 8000 (telephone, μ-law round trip). */
  readonly rate: 8000 | 16000;
  readonly channel: CorpusChannel;
  /** Sentence id from {@link CORPUS_SENTENCES}. */
  readonly sentenceId: string;
  /** The reference transcript. */
  readonly text: string;
  /** `sentence` (scored for WER) or `backchannel` (an acknowledgement for barge-in tests). */
  readonly kind: 'sentence' | 'backchannel';
  /** True when the sentence asks for a human. */
  readonly humanRequest: boolean;
  /** Length of the audio in milliseconds. */
  readonly durationMs: number;
}

/** `corpus/manifest.json`. */
export interface CorpusManifest {
  readonly version: 1;
  /** How the corpus was made, for people reading the file. */
  readonly description: string;
  readonly entries: readonly CorpusEntry[];
}
