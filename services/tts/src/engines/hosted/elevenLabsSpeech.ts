import { type HostedProvider, isProviderVoiceName, trimBase } from './hostedEngine';

/** Settings of ElevenLabs' streaming speech endpoint. */
export interface ElevenLabsSpeechOptions {
  /** Default `https://api.elevenlabs.io`. */
  readonly baseUrl?: string;
  readonly apiKey: string;
  /** e.g. `eleven_flash_v2_5`. */
  readonly model: string;
  /** A voice id. */
  readonly defaultVoice: string;
}

/**
 * ElevenLabs `POST /v1/text-to-speech/<voice_id>/stream?output_format=pcm_<rate>`
 * with `xi-api-key: <key>` and JSON `{ text, model_id }`; the body streams raw
 * PCM16 at the requested rate (`pcm_8000`, `pcm_16000`, `pcm_24000`).
 */
export const elevenLabsSpeech = (options: ElevenLabsSpeechOptions): HostedProvider => ({
  name: 'elevenlabs',
  defaultVoice: options.defaultVoice,
  supportsVoice: isProviderVoiceName,
  request: (text, voice, sampleRate) => ({
    url:
      `${trimBase(options.baseUrl ?? 'https://api.elevenlabs.io')}/v1/text-to-speech/` +
      `${encodeURIComponent(voice)}/stream?output_format=pcm_${sampleRate}`,
    headers: { 'xi-api-key': options.apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, model_id: options.model }),
    sampleRate,
  }),
});
