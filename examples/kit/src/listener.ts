import type { ActiveCall } from '@warmline/sdk';
import { callerUtterances } from './callerUtterances';
import type { SpeechRecognizer } from './engines/speechRecognizer';
import type { UtteranceDetectorOptions } from './utteranceDetector';

/** Options of {@link CallerListener}. */
export interface ListenerOptions {
  /** The client's sample rate; default 16 000. */
  readonly sampleRate?: number;
  /** End-of-utterance tuning. */
  readonly utterances?: Partial<UtteranceDetectorOptions>;
}

type Next = IteratorResult<string, void>;

/**
 * The caller's lines, one at a time: reads `call.audioStream()`, cuts it into utterances and
 * recognises each; empty recognitions are skipped. {@link next} waits for the next line, or for
 * at most `timeoutMs`; a line that arrives after a timeout is kept for the next call, never lost.
 */
export class CallerListener {
  private readonly lines: AsyncIterator<string, void>;
  private pending: Promise<Next> | undefined;

  constructor(call: ActiveCall, recognizer: SpeechRecognizer, options: ListenerOptions = {}) {
    this.lines = recognisedLines(call, recognizer, options);
  }

  /**
   * The caller's next line (lower-case words), `undefined` when the call's audio ended (hang-up)
   * or, with `timeoutMs`, when the caller said nothing in time.
   */
  async next(timeoutMs?: number): Promise<string | undefined> {
    this.pending ??= this.lines.next();
    const pending = this.pending;
    const result =
      timeoutMs === undefined ? await pending : await Promise.race([pending, timeout(timeoutMs)]);
    if (result === 'timeout') return undefined;
    this.pending = undefined;
    return result.done ? undefined : result.value;
  }

  /** Stops reading the call's audio. */
  async stop(): Promise<void> {
    await this.lines.return?.();
  }
}

async function* recognisedLines(
  call: ActiveCall,
  recognizer: SpeechRecognizer,
  options: ListenerOptions,
): AsyncGenerator<string, void, undefined> {
  const utterances = callerUtterances(
    call.audioStream(),
    options.sampleRate ?? 16_000,
    options.utterances,
  );
  for await (const utterance of utterances) {
    const heard = await recognizer.transcribe(utterance);
    if (heard.text) yield heard.text;
  }
}

const timeout = (ms: number): Promise<'timeout'> =>
  new Promise((resolve) => {
    setTimeout(() => resolve('timeout'), ms).unref();
  });
