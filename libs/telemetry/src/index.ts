export { initTelemetry, type Telemetry, type TelemetryOptions } from './initTelemetry';
export { withSpan, type WithSpanOptions, TRACER_NAME } from './withSpan';
export {
  injectTraceContext,
  extractTraceContext,
  type HeaderGetter,
  type HeaderSetter,
} from './traceContext';
export { WarmlineAttributes, type WarmlineAttribute, STAGES, type Stage } from './attributes';
export { createLogger, type Logger, type LoggerOptions } from './logger/createLogger';
export { maskPhoneNumbers, MASKED_NUMBER } from './logger/maskPhoneNumbers';
export { REDACTED } from './logger/piiRedaction';
export { createCounter, createHistogram } from './metrics';
export {
  MetricsServerError,
  OtlpEndpointError,
  type OtlpEndpointProblem,
  TelemetryShutdownError,
} from './telemetryErrors';
