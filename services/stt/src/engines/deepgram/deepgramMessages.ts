import { RecognizerProtocolError } from '../../errors';
import { matchHumanRequest } from '../../domain/keywords/humanRequest';
import type { RecognitionEvent, RecognizedWord } from '../recognition';

/** A word of a Deepgram `Results` alternative (times in seconds). */
interface DeepgramWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  readonly confidence?: number;
  readonly punctuated_word?: string;
}

/** The documented `Results` message of the live API (the fields Warmline reads). */
interface DeepgramResults {
  readonly type: 'Results';
  readonly start: number;
  readonly duration: number;
  readonly is_final?: boolean;
  readonly speech_final?: boolean;
  readonly channel: {
    readonly alternatives: readonly {
      transcript: string;
      confidence?: number;
      words?: readonly DeepgramWord[];
    }[];
  };
}

const seconds = (value: number): number => Math.round(value * 1000);

const toWord = (word: DeepgramWord): RecognizedWord => ({
  word: word.punctuated_word ?? word.word,
  startMs: seconds(word.start),
  endMs: seconds(word.end),
  ...(word.confidence === undefined ? {} : { confidence: word.confidence }),
});

/**
 * Translates one server message of the live API into a recognition event:
 * `Results` with `is_final: false` is a partial, with `is_final: true` a final
 * (empty transcripts of either are skipped); `Metadata`, `SpeechStarted`, `UtteranceEnd`
 * and unknown types give nothing.
 *
 * @throws {@link RecognizerProtocolError} for text that is not JSON or a `Results` without alternatives.
 */
export const deepgramEvent = (text: string): RecognitionEvent | undefined => {
  let message: { type?: unknown };
  try {
    message = JSON.parse(text) as { type?: unknown };
  } catch (cause) {
    throw new RecognizerProtocolError(
      'Deepgram sent a message that is not JSON',
      'deepgram',
      text.slice(0, 200),
      { cause },
    );
  }
  if (message.type !== 'Results') return undefined;
  const results = message as DeepgramResults;
  const best = results.channel?.alternatives?.[0];
  if (!best || typeof best.transcript !== 'string' || typeof results.start !== 'number') {
    throw new RecognizerProtocolError(
      'Deepgram Results without an alternative',
      'deepgram',
      text.slice(0, 200),
    );
  }
  const endMs = seconds(results.start + results.duration);
  if (best.transcript.trim() === '') return undefined;
  if (!results.is_final) return { type: 'partial', text: best.transcript, audioMs: endMs };
  const keywordHit = matchHumanRequest(best.transcript);
  return {
    type: 'final',
    text: best.transcript,
    confidence: best.confidence,
    startMs: seconds(results.start),
    endMs,
    words: (best.words ?? []).map(toWord),
    ...(keywordHit ? { keywordHit } : {}),
  };
};
