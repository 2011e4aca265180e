import { credentials, Metadata } from '@grpc/grpc-js';
import { type CallContext, ContextServiceClient } from '@warmline/contracts';

/** The saved context of a call, read through context-store's gRPC API (`GetCallContext`). */
export const fetchCallContext = (grpcAddress: string, callId: string): Promise<CallContext> => {
  const client = new ContextServiceClient(grpcAddress, credentials.createInsecure());
  return new Promise<CallContext>((resolve, reject) => {
    client.getCallContext(
      { callId },
      new Metadata(),
      { deadline: Date.now() + 10_000 },
      (err, response) => {
        client.close();
        if (err) reject(err);
        else if (!response?.context)
          reject(new Error(`context-store has no context for ${callId}`));
        else resolve(response.context);
      },
    );
  });
};
