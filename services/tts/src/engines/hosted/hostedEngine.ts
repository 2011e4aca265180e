import type { SampleRate } from '@warmline/audio';
import { UnsupportedVoiceError } from '../engineErrors';
import { createRateConverter } from '../pcm/rateConverter';
import type { SpeechEngine, SynthesisOptions } from '../speechEngine';
import { streamPcmResponse } from './streamPcmResponse';

/** The HTTP request a provider wants for one synthesis. */
export interface ProviderRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The rate of the PCM the provider will send back. */
  readonly sampleRate: number;
}

/** One hosted TTS provider's protocol: how a synthesis becomes an HTTP request. */
export interface HostedProvider {
  readonly name: string;
  readonly defaultVoice: string;
  supportsVoice(voice: string): boolean;
  request(text: string, voice: string, sampleRate: SampleRate): ProviderRequest;
}

/** Voice and model names are path and query parts: keep them to safe characters. */
export const isProviderVoiceName = (voice: string): boolean =>
  /^[A-Za-z0-9._-]{1,100}$/.test(voice);

/**
 * A hosted provider behind {@link SpeechEngine}: one streamed HTTP request per
 * utterance (the providers stream audio while they synthesise, so there is no
 * need to cut the text), converted to the requested rate when the provider
 * answers at another one (OpenAI's `pcm` is always 24 kHz).
 */
export class HostedEngine implements SpeechEngine {
  readonly name: string;
  readonly defaultVoice: string;

  constructor(
    private readonly provider: HostedProvider,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.name = provider.name;
    this.defaultVoice = provider.defaultVoice;
  }

  supportsVoice(voice: string): boolean {
    return this.provider.supportsVoice(voice);
  }

  async *synthesize(
    text: string,
    { voice, sampleRate, signal }: SynthesisOptions,
  ): AsyncGenerator<Int16Array> {
    if (!this.supportsVoice(voice)) throw new UnsupportedVoiceError(this.name, voice);
    const request = this.provider.request(text, voice, sampleRate);
    const converter = createRateConverter(request.sampleRate, sampleRate);
    const chunks = streamPcmResponse({
      ...request,
      provider: this.name,
      signal,
      fetch: this.fetchImpl,
    });
    for await (const chunk of chunks) {
      const out = converter.process(chunk);
      if (out.length > 0) yield out;
    }
    const tail = converter.flush();
    if (tail.length > 0) yield tail;
  }

  async close(): Promise<void> {}
}

/** `base` without trailing slashes, so paths can be appended. */
export const trimBase = (base: string): string => base.replace(/\/+$/, '');
