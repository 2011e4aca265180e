import { type handleUnaryCall, status } from '@grpc/grpc-js';
import type { GetCallRequest, GetCallResponse } from '@warmline/contracts';
import { authenticate } from '../../auth/authenticate';
import { onGetCall } from '../../handlers/onGetCall';
import type { GrpcDeps } from './grpcDeps';
import { isExpectedError, serviceError, toServiceError } from './grpcStatus';
import { presentedCredentials } from './presentedCredentials';

/** GetCall: the call's snapshot; NOT_FOUND for an unknown call id. */
export function getCallRpc(deps: GrpcDeps): handleUnaryCall<GetCallRequest, GetCallResponse> {
  return (call, callback) => {
    const run = async () => {
      const principal = authenticate(deps.credentials, presentedCredentials(call));
      return onGetCall(deps.calls, call.request.callId, principal.scope);
    };
    run().then(
      (snapshot) =>
        snapshot
          ? callback(null, { call: snapshot })
          : callback(serviceError(status.NOT_FOUND, `no call ${call.request.callId.slice(0, 64)}`)),
      (error: unknown) => {
        if (!isExpectedError(error)) deps.log.error({ err: error }, 'GetCall failed');
        callback(toServiceError(error));
      },
    );
  };
}
