import { pino } from 'pino';
import { activeSpanFields } from './activeSpanFields';
import { maskMessageHook } from './maskMessageHook';
import { piiRedaction } from './piiRedaction';

/** Warmline's logger: pino with PII redaction, number masking and trace ids. */
export type Logger = pino.Logger;

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** Written as `service` on every line. */
  service: string;
  /** pino level name; `info` by default. */
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to capture them. */
  destination?: pino.DestinationStream;
  /** Keep `pii` fields readable (`WARMLINE_LOG_PII=true`); off by default. */
  logPii?: boolean;
}

/**
 * A JSON logger. Write static messages and put data in fields:
 * `log.info({ [WarmlineAttributes.CALL_ID]: callId, pii: { transcript } }, 'turn transcribed')`.
 *
 * - Values under `pii` become `[redacted]` unless `logPii` is true.
 * - Phone-number-like text in the message itself is always masked.
 * - Inside a span, lines carry its `trace_id` and `span_id`.
 * - `level` is written as its name (`"level":"info"`).
 */
export const createLogger = ({
  service,
  level = 'info',
  destination,
  logPii = false,
}: LoggerOptions): Logger => {
  const options: pino.LoggerOptions = {
    level,
    base: { service, pid: process.pid },
    formatters: { level: (label) => ({ level: label }) },
    mixin: activeSpanFields,
    hooks: { logMethod: maskMessageHook },
    ...(logPii ? {} : { redact: piiRedaction }),
  };
  return destination ? pino(options, destination) : pino(options);
};
