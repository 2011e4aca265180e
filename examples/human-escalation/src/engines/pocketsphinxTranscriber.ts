import { PocketsphinxRecognizer, type SidecarOptions, recognizeClip } from '@warmline/stt';
import type { SpeechRecognizer, Transcript } from './speechRecognizer';

/**
 * The {@link SpeechRecognizer} on the local, offline pocketsphinx sidecar from `@warmline/stt`
 * (run with `/usr/bin/python3` and Debian's python3-pocketsphinx). Call {@link start} before use
 * and {@link close} at the end.
 */
export class PocketsphinxTranscriber implements SpeechRecognizer {
  private readonly engine: PocketsphinxRecognizer;

  constructor(options: Partial<SidecarOptions> = {}) {
    this.engine = new PocketsphinxRecognizer({ python: '/usr/bin/python3', ...options });
  }

  /** Starts the sidecar; resolves once its first decoder is loaded. */
  start(): Promise<void> {
    return this.engine.start();
  }

  /** @throws the recogniser's error when the stream failed. */
  async transcribe(samples: Int16Array): Promise<Transcript> {
    const result = await recognizeClip(this.engine, samples);
    if (result.error) throw result.error;
    return { text: result.text.trim(), confidence: result.confidence ?? 1 };
  }

  /** Stops the sidecar. */
  close(): Promise<void> {
    return this.engine.close();
  }
}
