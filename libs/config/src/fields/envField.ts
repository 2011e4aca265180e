import { z } from 'zod';

/**
 * A schema for one environment variable: the raw string, parsed into `TValue`.
 * Chain zod's `.default(value)` (a parsed value) or `.optional()` as needed.
 */
export type EnvField<TValue> = z.ZodPipe<z.ZodString, z.ZodTransform<Awaited<TValue>, string>>;

/**
 * Builds an {@link EnvField} from what the variable should hold and a parser.
 * `expected` becomes the message of every issue the field raises, so a missing
 * and a malformed variable both say what was expected. `parse` gets the value
 * trimmed and returns `undefined` to reject it.
 */
export const envField = <TValue>(
  expected: string,
  parse: (raw: string) => TValue | undefined,
): EnvField<TValue> =>
  z.string({ error: expected }).transform((raw, ctx) => {
    const value = parse(raw.trim());
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return value;
  });
