import { type HostedProvider, isProviderVoiceName, trimBase } from './hostedEngine';

/** Settings of an OpenAI-compatible speech endpoint. */
export interface OpenAiSpeechOptions {
  /** Default `https://api.openai.com`; any OpenAI-compatible server works. */
  readonly baseUrl?: string;
  readonly apiKey: string;
  /** e.g. `gpt-4o-mini-tts`, `tts-1`. */
  readonly model: string;
  /** e.g. `alloy`, `coral`, `nova`. */
  readonly defaultVoice: string;
}

/** OpenAI's `response_format: "pcm"`: raw 16-bit little-endian mono at 24 kHz, no header. */
export const OPENAI_PCM_RATE = 24000;

/**
 * OpenAI `POST /v1/audio/speech`: JSON `{ model, input, voice, response_format: "pcm" }`
 * with `Authorization: Bearer <key>`; the body streams raw 24 kHz PCM16.
 */
export const openAiSpeech = (options: OpenAiSpeechOptions): HostedProvider => ({
  name: 'openai',
  defaultVoice: options.defaultVoice,
  supportsVoice: isProviderVoiceName,
  request: (text, voice) => ({
    url: `${trimBase(options.baseUrl ?? 'https://api.openai.com')}/v1/audio/speech`,
    headers: { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: options.model, input: text, voice, response_format: 'pcm' }),
    sampleRate: OPENAI_PCM_RATE,
  }),
});
