/** Any JSON value, as sent to or received from a model API. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object (a tool's parameter schema, a request body). */
export type JsonObject = { readonly [key: string]: JsonValue };

/** True for a plain JSON object (not an array, not null). */
export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
