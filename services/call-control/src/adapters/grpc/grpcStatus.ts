import { type ServerErrorResponse, status } from '@grpc/grpc-js';

/** The error codes of this service that become a gRPC status, and which status. */
const statusByCode: Readonly<Record<string, status>> = {
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  PERMISSION_DENIED: status.PERMISSION_DENIED,
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
  UNAVAILABLE: status.UNAVAILABLE,
};

/** A gRPC error status with a message, as grpc-js sends it. */
export function serviceError(code: status, message: string): ServerErrorResponse {
  return Object.assign(new Error(message), { code, details: message });
}

/**
 * Translates an error at the edge, once: our typed errors carry a `code` naming their
 * status; anything else is an internal error (logged by the caller), and a retryable one
 * (NATS briefly unavailable, a lost concurrency race) is UNAVAILABLE so clients retry.
 */
export function toServiceError(error: unknown): ServerErrorResponse {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? statusByCode[error.code]
      : undefined;
  if (code !== undefined && error instanceof Error) return serviceError(code, error.message);
  const retryable =
    typeof error === 'object' && error !== null && 'retryable' in error && error.retryable === true;
  return retryable
    ? serviceError(status.UNAVAILABLE, 'temporarily unavailable; retry')
    : serviceError(status.INTERNAL, 'internal error');
}

/** Whether an error is one of ours with a status (as opposed to a failure worth logging). */
export function isExpectedError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    statusByCode[error.code] !== undefined
  );
}
