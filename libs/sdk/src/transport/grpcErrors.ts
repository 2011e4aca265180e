import { type ServiceError, status } from '@grpc/grpc-js';
import {
  type CallCommandName,
  CallCommandError,
  CallCommandTimeoutError,
  CallNotFoundError,
} from '../errors/callErrors';
import {
  AuthenticationError,
  ConnectionError,
  InvalidArgumentError,
  MediaError,
  type WarmlineError,
} from '../errors/warmlineError';

/** Which RPC failed, so one status can map to the error that fits it. */
export type RpcContext =
  | { readonly kind: 'session' }
  | { readonly kind: 'getCall'; readonly callId: string }
  | { readonly kind: 'media'; readonly callId: string }
  | {
      readonly kind: 'command';
      readonly callId: string;
      readonly command: CallCommandName;
      readonly timeoutMs: number;
    };

/** Whether a thrown value is a gRPC status error. */
export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof Error && typeof (error as Partial<ServiceError>).code === 'number';
}

/** The status code of a thrown value (UNKNOWN for anything that is not a status). */
export function statusOf(error: unknown): status {
  return isServiceError(error) ? error.code : status.UNKNOWN;
}

/**
 * Statuses that retrying cannot fix: bad credentials, a request the server will never accept,
 * an API it does not have. Everything else (UNAVAILABLE, a restart, a cut connection) is
 * worth a reconnect.
 */
export function isPermanentStatus(code: status): boolean {
  return (
    code === status.UNAUTHENTICATED ||
    code === status.PERMISSION_DENIED ||
    code === status.INVALID_ARGUMENT ||
    code === status.UNIMPLEMENTED ||
    code === status.NOT_FOUND ||
    code === status.FAILED_PRECONDITION
  );
}

const statusName = (code: status): string => status[code] ?? String(code);

/**
 * Translates a gRPC failure into the SDK's error hierarchy. The only place that reads statuses:
 * authentication failures become {@link AuthenticationError}; a command deadline
 * {@link CallCommandTimeoutError}; media problems {@link MediaError}; an unknown call
 * {@link CallNotFoundError}; transport failures {@link ConnectionError}.
 */
export function errorFromStatus(error: unknown, context: RpcContext): WarmlineError {
  const code = statusOf(error);
  const details = isServiceError(error) ? error.details : String(error);
  const message = `${statusName(code)}: ${details}`;
  const options = { cause: error, retryable: !isPermanentStatus(code) };
  if (code === status.UNAUTHENTICATED || code === status.PERMISSION_DENIED) {
    return new AuthenticationError(`the platform refused the credentials (${message})`, {
      cause: error,
    });
  }
  if (code === status.NOT_FOUND && context.kind !== 'session') {
    return new CallNotFoundError(`call not found (${message})`, context.callId, { cause: error });
  }
  switch (context.kind) {
    case 'command':
      if (code === status.DEADLINE_EXCEEDED) {
        return new CallCommandTimeoutError(context.callId, context.command, context.timeoutMs, {
          cause: error,
        });
      }
      if (code === status.INVALID_ARGUMENT || code === status.FAILED_PRECONDITION) {
        return new CallCommandError(
          context.callId,
          context.command,
          statusName(code),
          details,
          options,
        );
      }
      return new ConnectionError(
        `command ${context.command} could not reach the platform (${message})`,
        options,
      );
    case 'media':
      return new MediaError(`media stream failed (${message})`, context.callId, options);
    case 'getCall':
    case 'session':
      if (code === status.INVALID_ARGUMENT) {
        return new InvalidArgumentError(
          'request',
          `the platform refused the request (${message})`,
          options,
        );
      }
      return new ConnectionError(`the platform is unreachable (${message})`, options);
  }
}
