import { type EnvField, envField } from '@warmline/config';

/** A whole number from 0 (`3`), for limits and thresholds. */
export const count = (): EnvField<number> =>
  envField('a whole number from 0', (raw) => (/^\d{1,9}$/.test(raw) ? Number(raw) : undefined));
