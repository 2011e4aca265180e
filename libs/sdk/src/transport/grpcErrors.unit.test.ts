import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { CallCommandError, CallCommandTimeoutError, CallNotFoundError } from '../errors/callErrors';
import {
  AuthenticationError,
  ConnectionError,
  InvalidArgumentError,
  MediaError,
  WarmlineError,
} from '../errors/warmlineError';
import { type RpcContext, errorFromStatus, isPermanentStatus } from './grpcErrors';

const statusError = (code: status, details = 'detail'): ServiceError =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: new Metadata() });

const command: RpcContext = { kind: 'command', callId: 'c1', command: 'answer', timeoutMs: 10_000 };
const media: RpcContext = { kind: 'media', callId: 'c1' };
const session: RpcContext = { kind: 'session' };

describe('errorFromStatus: gRPC statuses become SDK errors', () => {
  it.each([
    [status.UNAUTHENTICATED, session, AuthenticationError],
    [status.PERMISSION_DENIED, command, AuthenticationError],
    [status.UNAVAILABLE, session, ConnectionError],
    [status.UNAVAILABLE, command, ConnectionError],
    [status.DEADLINE_EXCEEDED, command, CallCommandTimeoutError],
    [status.INVALID_ARGUMENT, command, CallCommandError],
    [status.INVALID_ARGUMENT, media, MediaError],
    [status.INVALID_ARGUMENT, session, InvalidArgumentError],
    [status.NOT_FOUND, command, CallNotFoundError],
    [status.NOT_FOUND, { kind: 'getCall', callId: 'c1' }, CallNotFoundError],
    [status.INTERNAL, media, MediaError],
  ] as const)('%s in a %o call', (code, context, type) => {
    const error = errorFromStatus(statusError(code), context);
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(WarmlineError);
    expect((error as Error).cause).toBeDefined();
  });

  it('keeps the call, command and timeout on command errors', () => {
    expect(errorFromStatus(statusError(status.DEADLINE_EXCEEDED), command)).toMatchObject({
      callId: 'c1',
      command: 'answer',
      timeoutMs: 10_000,
    });
    expect(
      errorFromStatus(statusError(status.INVALID_ARGUMENT, 'bad ring time'), command),
    ).toMatchObject({
      errorCode: 'INVALID_ARGUMENT',
      errorMessage: 'bad ring time',
    });
  });

  it('marks transient failures retryable and permanent ones not', () => {
    expect(errorFromStatus(statusError(status.UNAVAILABLE), session).retryable).toBe(true);
    expect(errorFromStatus(statusError(status.UNAUTHENTICATED), session).retryable).toBe(false);
    expect(errorFromStatus(statusError(status.INVALID_ARGUMENT), media).retryable).toBe(false);
  });

  it('treats a non-status error as UNKNOWN (transient)', () => {
    const error = errorFromStatus(new Error('boom'), session);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.retryable).toBe(true);
  });

  it('knows which statuses retrying cannot fix', () => {
    expect(isPermanentStatus(status.UNAUTHENTICATED)).toBe(true);
    expect(isPermanentStatus(status.UNAVAILABLE)).toBe(false);
    expect(isPermanentStatus(status.CANCELLED)).toBe(false);
  });
});
