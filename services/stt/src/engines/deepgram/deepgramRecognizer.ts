import type { RecognitionStream, SpeechRecognizer } from '../recognition';
import { DEFAULT_DEEPGRAM_OPTIONS, type DeepgramOptions } from './deepgramOptions';
import { DeepgramStream } from './deepgramStream';

/**
 * Deepgram's hosted live transcription (wss://api.deepgram.com/v1/listen):
 * one WebSocket per stream, interim results as partials, `is_final` results as
 * finals with word timings and confidence; the human-request flag comes from
 * the text rule. Needs network access and a key, so it is covered here by
 * contract tests against the published protocol.
 */
export class DeepgramRecognizer implements SpeechRecognizer {
  readonly engine = 'deepgram';
  readonly streamsPartials = true;
  private readonly options: DeepgramOptions;
  private readonly streams = new Set<DeepgramStream>();
  private next = 1;

  constructor(options: Partial<DeepgramOptions> & Pick<DeepgramOptions, 'apiKey'>) {
    this.options = { ...DEFAULT_DEEPGRAM_OPTIONS, ...options };
  }

  open(): RecognitionStream {
    const stream: DeepgramStream = new DeepgramStream(`deepgram-${this.next++}`, this.options, () =>
      this.streams.delete(stream),
    );
    this.streams.add(stream);
    return stream;
  }

  async close(): Promise<void> {
    for (const stream of this.streams) stream.cancel();
    this.streams.clear();
  }
}
