import { type handleBidiStreamingCall, status } from '@grpc/grpc-js';
import type { StreamMediaRequest, StreamMediaResponse } from '@warmline/contracts';
import { MediaChannel } from '../../media/mediaChannel';
import { authenticateStream } from './authenticateStream';
import type { GrpcDeps } from './grpcDeps';
import { serviceError, toServiceError } from './grpcStatus';
import { streamWriter } from './streamWriter';

/**
 * StreamMedia: one call's media connection. Authenticates, then feeds every client message
 * to a {@link MediaChannel}; its typed errors become the stream's status.
 */
export function mediaRpc(
  deps: GrpcDeps,
): handleBidiStreamingCall<StreamMediaRequest, StreamMediaResponse> {
  return (call) => {
    const scope = authenticateStream(deps, call);
    if (!scope) return;
    const writer = streamWriter(call);
    const channel = new MediaChannel(deps.media, scope, {
      // Media is at most once: a frame that cannot be written is dropped, not awaited.
      send: (message) => void writer.write(message).catch(() => undefined),
      end: (error) => {
        if (writer.isGone()) return;
        if (error) call.emit('error', toServiceError(error));
        else call.end();
      },
    });
    const forget = deps.openStreams.add({
      shutdown: async () => {
        channel.close();
        if (!writer.isGone())
          call.emit('error', serviceError(status.UNAVAILABLE, 'server stopping'));
      },
    });
    call.on('data', (request: StreamMediaRequest) => {
      void channel.handle(request);
    });
    call.on('end', () => {
      channel.close();
      if (!writer.isGone()) call.end();
    });
    call.on('error', () => undefined); // a client reset; 'close' below cleans up
    void writer.gone.then(() => {
      forget();
      channel.close();
    });
  };
}
