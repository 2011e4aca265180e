import { inspect, isDeepStrictEqual } from 'node:util';

/** `T` with every property, at any depth, optional: the fields of an error worth checking. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * What an expected error must look like:
 * - an `Error` subclass: the error is an instance of it (`CallStateError`);
 * - a `RegExp`: it matches the error's `message` (or the error, if it is a string);
 * - a predicate `(error) => boolean | void`: false fails; it may also assert with `expect` inside;
 * - anything else: a partial value the error must contain, compared field by field at any depth
 *   (`{ code: 'INVALID_STATE' }`; a string or enum value is compared as a whole).
 */
export type ErrorMatcher<TError> =
  | (abstract new (...args: never[]) => Error)
  | RegExp
  | ((error: TError) => boolean | void)
  | (unknown extends TError ? PartialValue : DeepPartial<TError>);

/** Any partial value, for an error of unknown type (`unknown` itself would swallow the union). */
type PartialValue = Record<string, unknown> | readonly unknown[] | string | number | boolean | null;

type ErrorClass = abstract new (...args: never[]) => Error;

const isErrorClass = (value: unknown): value is ErrorClass =>
  typeof value === 'function' && (value === Error || (value.prototype as unknown) instanceof Error);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof RegExp);

/** True if `actual` contains every field of `expected` (recursively); arrays match element-wise. */
export const containsPartial = (actual: unknown, expected: unknown): boolean => {
  if (isPlainObject(expected)) {
    if (typeof actual !== 'object' || actual === null) return false;
    const record = actual as Record<string, unknown>;
    return Object.keys(expected).every((key) => containsPartial(record[key], expected[key]));
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => containsPartial(actual[i], item))
    );
  }
  return isDeepStrictEqual(actual, expected);
};

const messageOf = (error: unknown): string => {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  return inspect(error);
};

/** True if `error` satisfies `matcher` (see {@link ErrorMatcher}). */
export const matchesError = <TError>(
  error: TError,
  matcher: ErrorMatcher<NoInfer<TError>>,
): boolean => {
  if (matcher instanceof RegExp) return messageOf(error).search(matcher) !== -1; // ignores lastIndex
  if (isErrorClass(matcher)) return error instanceof matcher;
  if (typeof matcher === 'function') {
    return (matcher as (error: TError) => boolean | void)(error) !== false;
  }
  return containsPartial(error, matcher);
};
