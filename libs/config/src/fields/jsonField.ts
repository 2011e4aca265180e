import type { z } from 'zod';
import { type EnvField, envField } from './envField';

/**
 * An environment variable holding JSON that must match `schema`, for structured settings
 * (API keys, routing rules, destinations, configured tools). The parsed value is typed by
 * the schema; invalid JSON and a schema mismatch are both reported as the variable's error.
 */
export const jsonField = <TSchema extends z.ZodType>(
  expected: string,
  schema: TSchema,
): EnvField<z.output<TSchema>> =>
  envField(`JSON: ${expected}`, (raw) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return undefined;
    }
    const result = schema.safeParse(parsed);
    return result.success ? result.data : undefined;
  });
