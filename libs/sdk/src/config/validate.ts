import { InvalidArgumentError } from '../errors/warmlineError';

/**
 * @throws {@link InvalidArgumentError} unless `value` is a non-empty string
 */
export function nonEmptyString(name: string, value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new InvalidArgumentError(name, `${name} must be a non-empty string`);
}

/**
 * @throws {@link InvalidArgumentError} unless `value` is a positive finite number of ms
 */
export function positiveMs(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new InvalidArgumentError(name, `${name} must be a positive number of milliseconds`);
}

/**
 * @throws {@link InvalidArgumentError} unless `value` is an array of non-empty strings
 */
export function stringList(name: string, value: unknown): readonly string[] {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '')) {
    return [...(value as string[])];
  }
  throw new InvalidArgumentError(name, `${name} must be a list of non-empty strings`);
}
