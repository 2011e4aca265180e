import { type handleBidiStreamingCall, status } from '@grpc/grpc-js';
import type { SessionRequest, SessionResponse } from '@warmline/contracts';
import { SdkSession } from '../../sessions/sdkSession';
import { authenticateStream } from './authenticateStream';
import type { GrpcDeps } from './grpcDeps';
import { serviceError, toServiceError } from './grpcStatus';
import { streamWriter } from './streamWriter';

/**
 * Session: the SDK's control connection. Authenticates, then feeds every client message
 * to an {@link SdkSession} and ends the stream with the session's status; a stopping
 * server ends it with UNAVAILABLE so the client reconnects (to another replica).
 */
export function sessionRpc(
  deps: GrpcDeps,
): handleBidiStreamingCall<SessionRequest, SessionResponse> {
  return (call) => {
    const scope = authenticateStream(deps, call);
    if (!scope) return;
    const writer = streamWriter(call);
    const session = new SdkSession(deps.sessions, scope, {
      write: (message) => writer.write(message),
      end: (error) => (error ? call.emit('error', toServiceError(error)) : call.end()),
    });
    const forget = deps.openStreams.add({
      shutdown: async () => {
        await session.close();
        if (!writer.isGone())
          call.emit('error', serviceError(status.UNAVAILABLE, 'server stopping'));
      },
    });
    call.on('data', (request: SessionRequest) => {
      session.handle(request).catch((error: unknown) => {
        deps.log.error({ err: error, sessionId: session.sessionId }, 'session message failed');
      });
    });
    call.on('end', () => {
      if (!writer.isGone()) call.end();
    });
    call.on('error', () => undefined); // a client reset; 'close' below cleans up
    void writer.gone.then(async () => {
      forget();
      await session.close();
    });
  };
}
