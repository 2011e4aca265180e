import { type EnvField, envField } from './envField';

const MS_PER_UNIT = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/;

/**
 * A duration in milliseconds: a bare number is milliseconds (`250`), or a
 * number with a unit: `250ms`, `5s`, `2m`, `1h`. Fractions round to whole ms.
 */
export const durationMs = (): EnvField<number> =>
  envField('a duration such as 250, 250ms, 5s or 2m', (raw) => {
    const match = DURATION.exec(raw.toLowerCase());
    if (!match) return undefined;
    const [, amount = '', unit = 'ms'] = match;
    return Math.round(Number(amount) * MS_PER_UNIT[unit as keyof typeof MS_PER_UNIT]);
  });
