import { type Context, context as contextApi, propagation, ROOT_CONTEXT } from '@opentelemetry/api';

/** Writes one header of a message. */
export type HeaderSetter = (key: string, value: string) => void;
/** Reads one header of a message. */
export type HeaderGetter = (key: string) => string | undefined;

/**
 * Writes the trace context (`traceparent`, `tracestate`, `baggage`) of
 * `context` (the active one by default) through `set`, using the global
 * propagator. Writes nothing when there is no span or telemetry is off.
 */
export const injectTraceContext = (
  set: HeaderSetter,
  context: Context = contextApi.active(),
): void => {
  propagation.inject(context, set, { set: (carrier, key, value) => carrier(key, value) });
};

/**
 * Reads the trace context a message carries through `get`. The result holds
 * only that (a remote parent span, baggage), not the caller's active context;
 * pass it as `withSpan(name, { parent }, fn)`. A message without `traceparent`
 * yields the root context, so the handler starts a new trace.
 */
export const extractTraceContext = (get: HeaderGetter): Context =>
  propagation.extract(ROOT_CONTEXT, get, {
    get: (carrier, key) => carrier(key),
    keys: () => [],
  });
