import type { ConfiguredTool } from '../../domain/decision/configuredTool';
import { chatTurns } from '../../domain/prompt/chatTurns';
import type { JsonObject } from '../../domain/prompt/jsonValue';
import { buildSystemPrompt } from '../../domain/prompt/systemPrompt';
import { toolSpecs } from '../../domain/prompt/toolSpecs';
import type { DecisionContext } from '../decisionProvider';

/** The URL of the chat-completions endpoint under `baseUrl` (`https://api.openai.com/v1`). */
export const chatCompletionsUrl = (baseUrl: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/chat/completions`;

/**
 * The body of a streaming chat-completions request (OpenAI's published format, also spoken by
 * vLLM, llama.cpp server and Ollama): the system prompt from the profile as the only `system`
 * message, the caller's words only in `user` messages and the agent's in `assistant` ones,
 * the tools as JSON-schema function definitions, `tool_choice: "auto"` and `stream: true`.
 */
export function openAiRequestBody(
  context: DecisionContext,
  model: string,
  tools: readonly ConfiguredTool[],
): JsonObject {
  return {
    model,
    messages: [
      { role: 'system', content: buildSystemPrompt(context.profile) },
      ...chatTurns(context.history, context.turn).map((turn) => ({
        role: turn.speaker === 'caller' ? 'user' : 'assistant',
        content: turn.text,
      })),
    ],
    tools: toolSpecs(tools).map((spec) => ({
      type: 'function',
      function: { name: spec.name, description: spec.description, parameters: spec.parameters },
    })),
    tool_choice: 'auto',
    stream: true,
  };
}
