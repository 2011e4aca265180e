import { JetStreamApiError, JetStreamError } from '@nats-io/jetstream';

/** JetStream API error codes (`err_code`) the bus reacts to (nats-server `errors.json`). */
export const JsErrorCodes = {
  /** `Nats-Expected-Last-Subject-Sequence` (or `-Sequence`) did not match. */
  wrongLastSequence: 10071,
  /** Stream exists with another configuration. */
  streamNameInUse: 10058,
  /** Durable consumer exists with another configuration. */
  consumerAlreadyExists: 10148,
  /** An atomic batch contains a `Nats-Msg-Id` that is already in the duplicate window. */
  batchDuplicateMessageId: 10201,
} as const;

/** The `err_code` of a JetStream API error, if `error` is one. */
export const jsErrorCode = (error: unknown): number | undefined =>
  error instanceof JetStreamApiError ? error.code : undefined;

/** The status code of a JetStream status reply error (404 "message not found", ...). */
export const jsStatusCode = (error: unknown): number | undefined =>
  error instanceof JetStreamError && 'code' in error && typeof error.code === 'number'
    ? error.code
    : undefined;

/** The actual sequence in a "wrong last sequence: 12" description, when the server gives it. */
export const actualSequenceOf = (description: string): number | undefined => {
  const match = /wrong last sequence: (\d+)/.exec(description);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};
