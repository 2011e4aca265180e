import { PocketsphinxRecognizer, type SidecarOptions, recognizeClip } from '@warmline/stt';
import type { SpeechRecognizer, Transcript } from './speechRecognizer';

/**
 * The {@link SpeechRecognizer} on the local, offline pocketsphinx sidecar from `@warmline/stt`
 * (run with `/usr/bin/python3` and Debian's python3-pocketsphinx). Call {@link start} before use
 * and {@link close} at the end.
 */
export class PocketsphinxTranscriber implements SpeechRecognizer {
  private readonly engine: PocketsphinxRecognizer;
  private readonly sourceRate: number;

  /**
   * `channel`: `telephone` (default; callers arrive as 8 kHz G.711, so the recogniser starts from
   * the telephone cepstral means of `@warmline/stt`) or `wideband` (16 kHz sources).
   */
  constructor(
    options: Partial<SidecarOptions> & { readonly channel?: 'telephone' | 'wideband' } = {},
  ) {
    const { channel = 'telephone', ...sidecar } = options;
    this.engine = new PocketsphinxRecognizer({ python: '/usr/bin/python3', ...sidecar });
    this.sourceRate = channel === 'telephone' ? 8000 : 16000;
  }

  /**
   * Starts the sidecar; resolves once its first decoder is loaded. With `warmUp` (speech, PCM16 at
   * 16 kHz) it also recognises that once: pocketsphinx adapts its cepstral mean normalisation
   * from the audio it has decoded, and its very first utterance is recognised far worse
   * than the later ones.
   */
  async start(warmUp?: Int16Array): Promise<void> {
    await this.engine.start();
    if (warmUp) await this.transcribe(warmUp);
  }

  /** @throws the recogniser's error when the stream failed. */
  async transcribe(samples: Int16Array): Promise<Transcript> {
    const result = await recognizeClip(this.engine, samples, { sourceRate: this.sourceRate });
    if (result.error) throw result.error;
    return { text: result.text.trim(), confidence: result.confidence ?? 1 };
  }

  /** Stops the sidecar. */
  close(): Promise<void> {
    return this.engine.close();
  }
}
