import type { RecognitionStream, SpeechRecognizer } from '../recognition';
import { DEFAULT_OPENAI_OPTIONS, type OpenAiTranscriptionOptions } from './openAiOptions';
import { OpenAiStream } from './openAiStream';

/**
 * An OpenAI-compatible transcription endpoint (`POST /v1/audio/transcriptions`)
 * used per utterance: the turn's audio is posted after end of turn, and the
 * answer is the final. No partials, so barge-in falls back to the duration
 * rule. Covered by contract tests against the published API.
 */
export class OpenAiRecognizer implements SpeechRecognizer {
  readonly engine = 'openai';
  readonly streamsPartials = false;
  private readonly options: OpenAiTranscriptionOptions;
  private next = 1;

  constructor(
    options: Partial<OpenAiTranscriptionOptions> & Pick<OpenAiTranscriptionOptions, 'apiKey'>,
  ) {
    this.options = { ...DEFAULT_OPENAI_OPTIONS, ...options };
  }

  open(): RecognitionStream {
    return new OpenAiStream(`openai-${this.next++}`, this.options);
  }

  async close(): Promise<void> {
    // streams own their requests; nothing shared to release
  }
}
