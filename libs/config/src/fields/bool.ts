import { type EnvField, envField } from './envField';

const VALUES: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
};

/** A flag: `true`/`false` (any case) or `1`/`0`. Anything else is rejected, not read as false. */
export const bool = (): EnvField<boolean> =>
  envField('true, false, 1 or 0', (raw) => VALUES[raw.toLowerCase()]);
