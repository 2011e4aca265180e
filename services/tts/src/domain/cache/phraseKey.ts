import { collapseWhitespace } from '../text/splitForSpeech';

/** What makes two syntheses interchangeable. */
export interface PhraseIdentity {
  /** The engine's name (`flite`, `openai`, ...). */
  readonly engine: string;
  readonly voice: string;
  readonly sampleRate: number;
  readonly text: string;
}

/**
 * Text as the cache compares it: Unicode NFC, typographic quotes and
 * apostrophes made plain, whitespace collapsed. Case and punctuation are kept:
 * they change what an engine says ("US" / "us") and how ("Yes." / "Yes?").
 */
export const normalizePhrase = (text: string): string =>
  collapseWhitespace(text.normalize('NFC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"'));

/** The cache key of a phrase: engine, voice, rate and normalised text. */
export const phraseKey = (phrase: PhraseIdentity): string =>
  [phrase.engine, phrase.voice, String(phrase.sampleRate), normalizePhrase(phrase.text)].join(
    '\u0000',
  );
