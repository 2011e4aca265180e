import type { ServerDuplexStream } from '@grpc/grpc-js';
import { authenticate } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import type { GrpcDeps } from './grpcDeps';
import { toServiceError } from './grpcStatus';
import { presentedCredentials } from './presentedCredentials';

/**
 * Authenticates a streaming RPC before anything else happens on it: returns the caller's
 * scope, or ends the stream with the authentication error's status and returns undefined.
 */
export function authenticateStream<TRequest, TResponse>(
  deps: GrpcDeps,
  call: ServerDuplexStream<TRequest, TResponse>,
): Principal['scope'] | undefined {
  try {
    return authenticate(deps.credentials, presentedCredentials(call)).scope;
  } catch (error) {
    call.emit('error', toServiceError(error));
    return undefined;
  }
}
