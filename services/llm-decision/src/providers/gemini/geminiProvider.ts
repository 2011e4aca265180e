import type { DecisionProvider } from '../decisionProvider';
import { postEventStream } from '../http/postEventStream';
import { type ModelProviderOptions, decisionFromOutput } from '../modelProvider';
import { geminiRequestBody, streamGenerateContentUrl } from './geminiRequest';
import { readGeminiStream } from './geminiStream';

/** Where and how to reach the Gemini API. */
export interface GeminiProviderOptions extends ModelProviderOptions {
  /** `https://generativelanguage.googleapis.com`. */
  readonly baseUrl: string;
  /** Sent as `x-goog-api-key`. */
  readonly apiKey: string;
  /** `gemini-2.5-flash`, with or without the `models/` prefix. */
  readonly model: string;
}

/**
 * A provider over the Gemini API's streaming `streamGenerateContent` endpoint with function
 * calling.
 */
export function geminiProvider(options: GeminiProviderOptions): DecisionProvider {
  const name = 'gemini';
  const url = streamGenerateContentUrl(options.baseUrl, options.model);
  const headers = { 'x-goog-api-key': options.apiKey };
  return {
    name,
    decide: async (context, signal) => {
      const body = geminiRequestBody(context, options.tools);
      const events = await postEventStream({ provider: name, url, headers, body, signal });
      const output = await readGeminiStream(name, events);
      return decisionFromOutput(name, output, context, options);
    },
  };
}
