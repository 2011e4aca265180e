import { type EnvField, envField } from './envField';

/** One of a fixed set of strings, typed as their union: `oneOf(['debug', 'info'] as const)`. */
export const oneOf = <const TValue extends string>(
  values: readonly [TValue, ...TValue[]],
): EnvField<TValue> =>
  envField(`one of ${values.join(', ')}`, (raw) => values.find((value) => value === raw));
