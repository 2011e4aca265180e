import { type MsgHdrs, headers as natsHeaders } from '@nats-io/nats-core';
import { isMalformedMessageError } from '../errors/malformedMessageError';

/** Reply headers that carry a responder's error, as `@nats-io/services` respondError does. */
export const ErrorHeaders = {
  code: 'Warmline-Error-Code',
  message: 'Warmline-Error-Message',
  /** Our addition: `true` when the caller may try again. */
  retryable: 'Warmline-Error-Retryable',
} as const;

/** An error as it travels in a reply. */
export interface ReplyError {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
}

const codeOf = (error: unknown): string => {
  if (isMalformedMessageError(error)) return '400';
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    if (typeof code === 'string' || typeof code === 'number') return String(code);
  }
  return '500';
};

/**
 * Describes a handler's error for the caller: its `code` (string or number) or
 * `400` for an undecodable request or `500`; its message; and `retryable` only
 * when the error says `retryable: true`.
 */
export const replyErrorOf = (error: unknown): ReplyError => ({
  code: codeOf(error),
  message: error instanceof Error ? error.message : String(error),
  retryable:
    typeof error === 'object' && error !== null && 'retryable' in error && error.retryable === true,
});

/** Builds the reply headers for an error. Header values are single-line. */
export const errorToHeaders = (error: ReplyError): MsgHdrs => {
  const headers = natsHeaders();
  headers.set(ErrorHeaders.code, error.code);
  headers.set(ErrorHeaders.message, error.message.replace(/[\r\n]+/g, ' '));
  headers.set(ErrorHeaders.retryable, String(error.retryable));
  return headers;
};

/** Reads an error from reply headers; undefined when the reply is a success. */
export const errorFromHeaders = (headers: MsgHdrs | undefined): ReplyError | undefined => {
  if (!headers?.has(ErrorHeaders.code)) return undefined;
  return {
    code: headers.get(ErrorHeaders.code),
    message: headers.get(ErrorHeaders.message),
    retryable: headers.get(ErrorHeaders.retryable) === 'true',
  };
};
