export { initTelemetry, type Telemetry, type TelemetryOptions } from './initTelemetry';
export { withSpan, type WithSpanOptions, TRACER_NAME } from './withSpan';
export {
  injectTraceContext,
  extractTraceContext,
  type HeaderGetter,
  type HeaderSetter,
} from './traceContext';
export { WarmlineAttributes, type WarmlineAttribute, STAGES, type Stage } from './attributes';
export { withCallBaggage, callIdOf } from './callAttributes';
export { createLogger, type Logger, type LoggerOptions } from './logger/createLogger';
export { maskPhoneNumbers, MASKED_NUMBER } from './logger/maskPhoneNumbers';
export { REDACTED } from './logger/piiRedaction';
export { createCounter, createHistogram } from './metrics';
export {
  WarmlineMetrics,
  TURN_LATENCY_BUCKETS_MS,
  PACING_LATENESS_BUCKETS_MS,
} from './metricNames';
export { createStageLatency, createHopRecorder, type HopRecorder } from './stageMetrics';
export { Readiness, type ReadinessCheck, type ReadinessReport } from './readiness';
export { DEFAULT_OPS_HOST } from './opsServer';
export { natsCheck, pingCheck, type PingableConnection } from './readinessChecks';
export { telemetryEnv, TELEMETRY_ENV, type TelemetryEnv } from './telemetryEnv';
export {
  MetricsServerError,
  TelemetryConfigError,
  OtlpEndpointError,
  type OtlpEndpointProblem,
  TelemetryShutdownError,
} from './telemetryErrors';
