import { writeWav } from '@warmline/audio';
import type { OpenAiTranscriptionOptions } from './openAiOptions';

/**
 * The documented multipart body of `POST {baseUrl}/audio/transcriptions`:
 * `file` (a WAV of the utterance), `model`, `response_format=json`, and the
 * optional `language` and `include[]=logprobs`.
 */
export const transcriptionForm = (
  samples: Int16Array,
  sampleRate: number,
  options: OpenAiTranscriptionOptions,
): FormData => {
  const form = new FormData();
  form.append(
    'file',
    new Blob([writeWav(samples, sampleRate)], { type: 'audio/wav' }),
    'audio.wav',
  );
  form.append('model', options.model);
  form.append('response_format', 'json');
  if (options.language) form.append('language', options.language);
  if (options.includeLogprobs) form.append('include[]', 'logprobs');
  return form;
};

/** The endpoint URL under the configured API root. */
export const transcriptionUrl = (baseUrl: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/audio/transcriptions`;

/** The documented `json` response: the text, and token log probabilities when asked for. */
export interface TranscriptionJson {
  readonly text: string;
  readonly logprobs?: readonly { readonly token: string; readonly logprob: number }[];
}

/** Confidence as the geometric mean token probability, or undefined without log probabilities. */
export const confidenceFromLogprobs = (
  logprobs: TranscriptionJson['logprobs'],
): number | undefined => {
  if (!logprobs || logprobs.length === 0) return undefined;
  const mean = logprobs.reduce((total, item) => total + item.logprob, 0) / logprobs.length;
  return Math.exp(mean);
};
