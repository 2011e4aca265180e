import {
  type RecognitionStreamError,
  RecognizerProtocolError,
  RecognizerUnavailableError,
} from '../../errors';
import { matchHumanRequest } from '../../domain/keywords/humanRequest';
import { EventQueue } from '../eventQueue';
import {
  RECOGNIZER_SAMPLE_RATE,
  type RecognitionEvent,
  type RecognitionStream,
} from '../recognition';
import type { OpenAiTranscriptionOptions } from './openAiOptions';
import {
  confidenceFromLogprobs,
  transcriptionForm,
  transcriptionUrl,
  type TranscriptionJson,
} from './transcriptionRequest';

/**
 * One utterance for an OpenAI-compatible transcription endpoint: frames are
 * kept (up to `maxUtteranceMs`), and `end()` posts them as one WAV. No
 * partials; one final.
 */
export class OpenAiStream implements RecognitionStream {
  private readonly queue = new EventQueue();
  private readonly frames: Int16Array[] = [];
  private readonly abort = new AbortController();
  private ended = false;

  constructor(
    readonly id: string,
    private readonly options: OpenAiTranscriptionOptions,
  ) {}

  get events(): AsyncIterable<RecognitionEvent> {
    return this.queue;
  }

  write(frame: Int16Array): boolean {
    const maxFrames = Math.floor(this.options.maxUtteranceMs / 20);
    if (this.ended || this.frames.length >= maxFrames) return false;
    this.frames.push(frame.slice());
    return true;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    void this.transcribe();
  }

  cancel(): void {
    this.ended = true;
    this.abort.abort();
    this.queue.close();
  }

  private async transcribe(): Promise<void> {
    const samples = new Int16Array(this.frames.reduce((total, frame) => total + frame.length, 0));
    let offset = 0;
    for (const frame of this.frames.splice(0)) {
      samples.set(frame, offset);
      offset += frame.length;
    }
    try {
      const json = await this.post(samples);
      const keywordHit = matchHumanRequest(json.text);
      if (json.text.trim() !== '') {
        this.queue.push({
          type: 'final',
          text: json.text.trim(),
          confidence: confidenceFromLogprobs(json.logprobs),
          startMs: 0,
          endMs: Math.round((samples.length * 1000) / RECOGNIZER_SAMPLE_RATE),
          words: [],
          ...(keywordHit ? { keywordHit } : {}),
        });
      }
    } catch (error) {
      if (!this.abort.signal.aborted)
        this.queue.push({ type: 'error', error: asStreamError(error) });
    }
    this.queue.close();
  }

  private async post(samples: Int16Array): Promise<TranscriptionJson> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const response = await fetch(transcriptionUrl(this.options.baseUrl), {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.options.apiKey}` },
      body: transcriptionForm(samples, RECOGNIZER_SAMPLE_RATE, this.options),
      signal: AbortSignal.any([this.abort.signal, timeout]),
    });
    const body = await response.text();
    if (!response.ok) {
      const retryable = response.status === 429 || response.status >= 500;
      throw new RecognizerUnavailableError(
        `transcription failed: HTTP ${response.status}`,
        'openai',
        retryable,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (cause) {
      throw new RecognizerProtocolError(
        'transcription response is not JSON',
        'openai',
        body.slice(0, 200),
        { cause },
      );
    }
    if (
      typeof json !== 'object' ||
      json === null ||
      typeof (json as { text?: unknown }).text !== 'string'
    ) {
      throw new RecognizerProtocolError(
        'transcription response has no text',
        'openai',
        body.slice(0, 200),
      );
    }
    return json as TranscriptionJson;
  }
}

const asStreamError = (
  error: unknown,
): RecognizerUnavailableError | RecognizerProtocolError | RecognitionStreamError => {
  if (error instanceof RecognizerUnavailableError || error instanceof RecognizerProtocolError)
    return error;
  return new RecognizerUnavailableError('transcription request failed', 'openai', true, {
    cause: error,
  });
};
