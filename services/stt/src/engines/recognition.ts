import type { KeywordHit } from '../domain/keywords/humanRequest';
import type {
  RecognitionStreamError,
  RecognizerProtocolError,
  RecognizerUnavailableError,
} from '../errors';

/** One recognised word with its timing (ms from the start of the stream's audio). */
export interface RecognizedWord {
  readonly word: string;
  readonly startMs: number;
  readonly endMs: number;
  /** 0..1, when the engine gives word confidences. */
  readonly confidence?: number;
}

/** An interim hypothesis: may change; never stored. */
export interface PartialEvent {
  readonly type: 'partial';
  readonly text: string;
  /** Audio the engine had heard when it produced this, in ms of the stream. */
  readonly audioMs: number;
}

/** A final transcript of a stretch of the stream's audio. */
export interface FinalEvent {
  readonly type: 'final';
  readonly text: string;
  /** 0..1; undefined when the engine reports none. */
  readonly confidence: number | undefined;
  /** Where the recognised speech starts and ends, in ms of the stream's audio. */
  readonly startMs: number;
  readonly endMs: number;
  readonly words: readonly RecognizedWord[];
  /** Set when the engine's keyword pass (or the text rule) found a request for a human. */
  readonly keywordHit?: KeywordHit;
}

/** The stream failed; no more events follow. */
export interface ErrorEvent {
  readonly type: 'error';
  readonly error: RecognizerUnavailableError | RecognizerProtocolError | RecognitionStreamError;
}

/** What a {@link RecognitionStream} yields. */
export type RecognitionEvent = PartialEvent | FinalEvent | ErrorEvent;

/**
 * One stretch of caller audio being recognised (in Warmline, one caller turn).
 * Write 20 ms frames of 16 kHz PCM, then `end()`; the events iterable yields
 * partials and finals and completes once the engine has finished (or after an
 * error event).
 */
export interface RecognitionStream {
  /** Unique within the recognizer, for logs. */
  readonly id: string;
  /**
   * Queues one frame of 16 kHz 16-bit mono PCM. Returns false when the frame
   * was dropped because the stream's bounded buffer is full or it has ended.
   */
  write(frame: Int16Array): boolean;
  /** No more audio: the engine finalises what it heard. */
  end(): void;
  /** Abandons the stream: no final; the events iterable completes. */
  cancel(): void;
  /** Partials (coalesced if the reader is slow), finals, at most one error; single reader. */
  readonly events: AsyncIterable<RecognitionEvent>;
}

/** Facts about the audio a stream will carry. */
export interface OpenOptions {
  /**
   * The rate the audio had before it was resampled to 16 kHz: 8000 for
   * telephone audio (band-limited, μ-law), 16000 or more for wideband. Engines
   * may tune for it (pocketsphinx keeps separate decoders per channel).
   */
  readonly sourceRate?: number;
}

/** A speech-to-text engine behind Warmline's one interface. */
export interface SpeechRecognizer {
  /** Engine name recorded in CallerTranscribed.engine, e.g. `pocketsphinx`. */
  readonly engine: string;
  /** True when the engine produces partial transcripts while audio arrives. */
  readonly streamsPartials: boolean;
  /**
   * Starts a stream. Throws {@link RecognizerUnavailableError} when the engine
   * cannot take one now (not started, restarting, at capacity).
   */
  open(options?: OpenOptions): RecognitionStream;
  /** Releases the engine (processes, sockets). Streams still open end with an error. */
  close(): Promise<void>;
  /** For readiness: false while a local engine is down or restarting; cloud engines omit it. */
  healthy?(): boolean;
}

/** The rate every recognizer takes: the gateway's 8 kHz audio is resampled before it. */
export const RECOGNIZER_SAMPLE_RATE = 16000;
