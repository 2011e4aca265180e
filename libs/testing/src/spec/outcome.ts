import { inspect } from 'node:util';
import { SpecUsageError } from './specErrors';

/** A decider's result object: the events it decided, or the rejection it returned. */
export type DecideResult<TEvent, TError = unknown> =
  | { readonly ok: true; readonly events: readonly TEvent[] }
  | { readonly ok: false; readonly error: TError };

/** A workflow's result object: the effects it decided, or the rejection it returned. */
export type WorkflowResult<TEffect, TError = unknown> =
  | { readonly ok: true; readonly effects: readonly TEffect[] }
  | { readonly ok: false; readonly error: TError };

type ErrorIn<TResult> = TResult extends { readonly ok: false; readonly error: infer E } ? E : never;

/** The error type inside a result object (`{ ok: false, error: E }` gives `E`), else `unknown`. */
export type ErrorOf<TResult> = [ErrorIn<TResult>] extends [never] ? unknown : ErrorIn<TResult>;

type OutputsIn<TResult, TField extends string> = TResult extends readonly (infer O)[]
  ? O
  : TResult extends { readonly ok: true } & { readonly [K in TField]: readonly (infer O)[] }
    ? O
    : never;

/**
 * The output type inside a result: `E` for `E[]` or `{ ok: true, [field]: E[] }`, else `unknown`.
 * Lets a spec infer the effect type from decide's return type.
 */
export type OutputOf<TResult, TField extends string> = [OutputsIn<TResult, TField>] extends [never]
  ? unknown
  : OutputsIn<TResult, TField>;

/** What one decision amounts to, whatever shape decide returned it in. */
export type Outcome<TOutput, TError> =
  | { readonly ok: true; readonly outputs: readonly TOutput[] }
  | { readonly ok: false; readonly error: TError };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Reads a decision given as an array of outputs, `{ ok: true, [field]: outputs }` or
 * `{ ok: false, error }`; throws {@link SpecUsageError} for anything else. The caller's types
 * (decide's signature or its adapter's) vouch for the element and error types.
 */
export const toOutcome = <TOutput, TError>(
  result: unknown,
  field: 'events' | 'effects',
  adapter: string,
): Outcome<TOutput, TError> => {
  if (Array.isArray(result)) return { ok: true, outputs: result as TOutput[] };
  if (isRecord(result) && result.ok === true && Array.isArray(result[field])) {
    return { ok: true, outputs: result[field] as TOutput[] };
  }
  if (isRecord(result) && result.ok === false && 'error' in result) {
    return { ok: false, error: result.error as TError };
  }
  throw new SpecUsageError(
    `decide returned ${inspect(result)}, which is neither an array of ${field} nor ` +
      `{ ok: true, ${field} } | { ok: false, error }; pass ${adapter}(result) to read it`,
  );
};
