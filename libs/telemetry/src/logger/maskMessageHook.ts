import { format } from 'node:util';
import type { LogFn, Logger } from 'pino';
import { maskPhoneNumbers } from './maskPhoneNumbers';

type LogArgs = Parameters<LogFn>;

/** The message with its interpolation values filled in (`%s` etc.), then masked. */
const maskedMessage = (message: string, values: unknown[]): string =>
  maskPhoneNumbers(values.length > 0 ? format(message, ...values) : message);

/**
 * A pino `logMethod` hook that masks phone numbers in the message text,
 * including text interpolated into it. Fields are untouched: PII belongs under
 * `pii`, which is redacted separately.
 */
export function maskMessageHook(this: Logger, args: LogArgs, method: LogFn): void {
  const [first, ...rest] = args as unknown[];
  if (typeof first === 'string') {
    method.apply(this, [maskedMessage(first, rest)] as LogArgs);
    return;
  }
  const [message, ...values] = rest;
  if (typeof message === 'string') {
    method.apply(this, [first, maskedMessage(message, values)] as LogArgs);
    return;
  }
  method.apply(this, args);
}
