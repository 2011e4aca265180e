import { ProviderError } from '../../domain/decision/decisionErrors';
import { type JsonObject, isJsonObject } from '../../domain/prompt/jsonValue';

/**
 * One streamed event's JSON object.
 * @throws {ProviderError} `protocol` when it is not a JSON object.
 */
export function parseEventObject(provider: string, data: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (error) {
    throw new ProviderError(provider, 'protocol', 'a streamed event is not JSON', { cause: error });
  }
  if (!isJsonObject(value)) {
    throw new ProviderError(provider, 'protocol', 'a streamed event is not a JSON object');
  }
  return value;
}

/** A tool call's arguments from their JSON text; `{}` when the text is empty or not JSON. */
export function parseArguments(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

/** The array at `value[key]`, or an empty one. */
export const arrayAt = (value: JsonObject, key: string): readonly unknown[] => {
  const found = value[key];
  return Array.isArray(found) ? found : [];
};

/** The string at `value[key]`, or undefined. */
export const stringAt = (value: JsonObject, key: string): string | undefined => {
  const found = value[key];
  return typeof found === 'string' ? found : undefined;
};

/** The object at `value[key]`, or undefined. */
export const objectAt = (value: JsonObject, key: string): JsonObject | undefined => {
  const found = value[key];
  return isJsonObject(found) ? found : undefined;
};
