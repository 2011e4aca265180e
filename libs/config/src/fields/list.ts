import { type EnvField, envField } from './envField';

/** A comma-separated list; items are trimmed and empty items dropped (`a, b,,c` is `['a','b','c']`). */
export const list = (): EnvField<string[]> =>
  envField('a comma-separated list', (raw) =>
    raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );
