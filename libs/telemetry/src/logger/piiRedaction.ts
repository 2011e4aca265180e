import type { redactOptions } from 'pino';

/** What a PII value is replaced with. */
export const REDACTED = '[redacted]';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keeps the field names under `pii` (which data was there is useful) and
 * replaces every value; a `pii` that is not an object is replaced whole.
 */
const censorPii = (value: unknown): unknown =>
  isPlainObject(value)
    ? Object.fromEntries(Object.keys(value).map((key) => [key, REDACTED]))
    : REDACTED;

/**
 * pino redaction of `pii` fields: at the top level of a log call or child
 * binding (`{ pii: { transcript } }`), and one level down (`{ turn: { pii } }`).
 */
export const piiRedaction: redactOptions = {
  paths: ['pii', '*.pii'],
  censor: censorPii,
};
