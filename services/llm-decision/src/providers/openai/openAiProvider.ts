import type { DecisionProvider } from '../decisionProvider';
import { postEventStream } from '../http/postEventStream';
import { type ModelProviderOptions, decisionFromOutput } from '../modelProvider';
import { chatCompletionsUrl, openAiRequestBody } from './openAiRequest';
import { readOpenAiStream } from './openAiStream';

/** Where and how to reach an OpenAI-compatible chat-completions server. */
export interface OpenAiProviderOptions extends ModelProviderOptions {
  /** `https://api.openai.com/v1`, or a local server's (`http://127.0.0.1:11434/v1` for Ollama). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer …`; local servers may need none. */
  readonly apiKey?: string;
  readonly model: string;
  /** Written as `AgentReplied.provider`; `openai` by default. */
  readonly name?: string;
}

/**
 * A provider over the OpenAI chat-completions protocol with streaming and tool calls
 * (`POST {baseUrl}/chat/completions`); it also serves vLLM, llama.cpp server and Ollama, which
 * speak the same protocol.
 */
export function openAiProvider(options: OpenAiProviderOptions): DecisionProvider {
  const name = options.name ?? 'openai';
  const url = chatCompletionsUrl(options.baseUrl);
  const headers: Record<string, string> =
    options.apiKey === undefined ? {} : { authorization: `Bearer ${options.apiKey}` };
  return {
    name,
    decide: async (context, signal) => {
      const body = openAiRequestBody(context, options.model, options.tools);
      const events = await postEventStream({ provider: name, url, headers, body, signal });
      const output = await readOpenAiStream(name, events);
      return decisionFromOutput(name, output, context, options);
    },
  };
}
