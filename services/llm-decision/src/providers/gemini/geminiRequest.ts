import type { ConfiguredTool } from '../../domain/decision/configuredTool';
import { chatTurns } from '../../domain/prompt/chatTurns';
import { type JsonObject, type JsonValue, isJsonObject } from '../../domain/prompt/jsonValue';
import { buildSystemPrompt } from '../../domain/prompt/systemPrompt';
import { toolSpecs } from '../../domain/prompt/toolSpecs';
import type { DecisionContext } from '../decisionProvider';

/** The streaming URL for `model` under `baseUrl` (`https://generativelanguage.googleapis.com`). */
export const streamGenerateContentUrl = (baseUrl: string, model: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/v1beta/models/${encodeURIComponent(
    model.replace(/^models\//, ''),
  )}:streamGenerateContent?alt=sse`;

/** Gemini's schema is an OpenAPI subset without `additionalProperties`: drop it everywhere. */
const withoutAdditionalProperties = (value: JsonValue): JsonValue => {
  if (Array.isArray(value)) return value.map(withoutAdditionalProperties);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'additionalProperties')
      .map(([key, inner]) => [key, withoutAdditionalProperties(inner)]),
  );
};

/** A function's `parameters` for Gemini; none for a function without arguments. */
const geminiParameters = (parameters: JsonObject): JsonObject => {
  const properties = parameters.properties;
  if (!isJsonObject(properties) || Object.keys(properties).length === 0) return {};
  return { parameters: withoutAdditionalProperties(parameters) };
};

/**
 * The body of a `streamGenerateContent` request (Gemini's published REST format): the system
 * prompt from the profile as `systemInstruction`, the conversation as `contents` with roles
 * `user` (the caller, and only the caller) and `model`, and the tools as
 * `functionDeclarations` with automatic function calling.
 */
export function geminiRequestBody(
  context: DecisionContext,
  tools: readonly ConfiguredTool[],
): JsonObject {
  return {
    systemInstruction: { parts: [{ text: buildSystemPrompt(context.profile) }] },
    contents: chatTurns(context.history, context.turn).map((turn) => ({
      role: turn.speaker === 'caller' ? 'user' : 'model',
      parts: [{ text: turn.text }],
    })),
    tools: [
      {
        functionDeclarations: toolSpecs(tools).map((spec) => ({
          name: spec.name,
          description: spec.description,
          ...geminiParameters(spec.parameters),
        })),
      },
    ],
    toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
  };
}
