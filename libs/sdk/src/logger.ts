/** Structured data for a log line. Phone numbers only under `pii.*` keys. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * Where the SDK logs. Messages are static; data travels in `fields`. Levels follow the seed:
 * debug = commands sent and messages received; info = connections and call activity;
 * warn = reconnects and unexpected data; error = failures (including throwing event handlers).
 * The SDK never logs API keys, certificates or audio. Adapt pino with
 * `{ info: (msg, fields) => log.info(fields, msg), ... }`.
 */
export interface WarmlineLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const nothing = (): void => undefined;

/** The default logger: discards everything (the seed's NullHandler). */
export const silentLogger: WarmlineLogger = {
  debug: nothing,
  info: nothing,
  warn: nothing,
  error: nothing,
};

type Level = keyof WarmlineLogger;
const levels: readonly Level[] = ['debug', 'info', 'warn', 'error'];

/** Wraps a logger so that a throwing logger can never break the SDK. */
export function safeLogger(logger: WarmlineLogger): WarmlineLogger {
  const wrap =
    (level: Level) =>
    (message: string, fields?: LogFields): void => {
      try {
        logger[level](message, fields);
      } catch {
        // A broken log sink must not take calls down with it.
      }
    };
  return Object.fromEntries(
    levels.map((level) => [level, wrap(level)]),
  ) as unknown as WarmlineLogger;
}

/** A short description of an unknown thrown value, for log fields. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: typeof error, message: String(error) };
}
