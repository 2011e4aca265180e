import { type EnvField, envField } from './envField';

/** Any non-blank string, trimmed. */
export const nonEmpty = (): EnvField<string> =>
  envField('a non-empty value', (raw) => (raw.length > 0 ? raw : undefined));
