import { type EnvField, envField, type z } from '@warmline/config';

/**
 * An environment variable holding JSON that must match `schema` (structured settings such as
 * the configured tools). The parsed value is typed by the schema.
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
