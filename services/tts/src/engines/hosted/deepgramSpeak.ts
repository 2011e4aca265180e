import { type HostedProvider, isProviderVoiceName, trimBase } from './hostedEngine';

/** Settings of Deepgram's Aura speech endpoint. */
export interface DeepgramSpeakOptions {
  /** Default `https://api.deepgram.com`. */
  readonly baseUrl?: string;
  readonly apiKey: string;
  /** The model is the voice on Deepgram, e.g. `aura-2-thalia-en`. */
  readonly defaultVoice: string;
}

/**
 * Deepgram `POST /v1/speak?model=<voice>&encoding=linear16&sample_rate=<rate>&container=none`
 * with `Authorization: Token <key>` and JSON `{ text }`. `container=none`
 * because REST linear16 defaults to a WAV container; the body streams raw
 * PCM16 at the requested rate (8, 16 and 24 kHz are all offered).
 */
export const deepgramSpeak = (options: DeepgramSpeakOptions): HostedProvider => ({
  name: 'deepgram',
  defaultVoice: options.defaultVoice,
  supportsVoice: isProviderVoiceName,
  request: (text, voice, sampleRate) => {
    const query = new URLSearchParams({
      model: voice,
      encoding: 'linear16',
      sample_rate: String(sampleRate),
      container: 'none',
    });
    return {
      url: `${trimBase(options.baseUrl ?? 'https://api.deepgram.com')}/v1/speak?${query.toString()}`,
      headers: { Authorization: `Token ${options.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text }),
      sampleRate,
    };
  },
});
