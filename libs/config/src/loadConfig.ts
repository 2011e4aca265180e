import type { z } from 'zod';
import { ConfigError } from './configError';
import { type EnvSource, toConfigIssues } from './toConfigIssues';

/** Only the schema's variables, with blank values treated as unset (so defaults apply). */
const pickSetVariables = (names: readonly string[], env: EnvSource): Record<string, string> => {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') picked[name] = value;
  }
  return picked;
};

/**
 * Reads typed configuration from the environment, failing fast.
 *
 * `schema` is a zod object whose keys are environment variable names, built
 * from the field builders (`port()`, `url()`, `durationMs()`, …) or any zod
 * schema over strings. Blank variables count as unset.
 *
 * @returns the parsed object, typed by the schema.
 * @throws {@link ConfigError} listing every missing or invalid variable.
 *
 * @example
 * const schema = z.object({ NATS_URL: url({ protocols: ['nats:'] }), PORT: port().default(8080) });
 * const config = loadConfig(schema); // { NATS_URL: string; PORT: number }
 */
export const loadConfig = <TSchema extends z.ZodObject>(
  schema: TSchema,
  env: EnvSource = process.env,
): z.output<TSchema> => {
  const variables = pickSetVariables(Object.keys(schema.shape), env);
  const result = schema.safeParse(variables);
  if (result.success) return result.data;
  throw new ConfigError(toConfigIssues(result.error.issues, variables), { cause: result.error });
};
