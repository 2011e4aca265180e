import type { GetCallResponse } from '@warmline/contracts';
import { type CallInfo, callInfoFromSnapshot } from '../domain/callInfo';
import { CallNotFoundError } from '../errors/callErrors';
import type { Channel } from '../transport/channel';
import { errorFromStatus } from '../transport/grpcErrors';
import { unary } from '../transport/unary';

/**
 * The platform's view of a call (GetCall).
 *
 * @throws {@link CallNotFoundError}; {@link AuthenticationError}; {@link ConnectionError}
 */
export async function fetchCallInfo(
  channel: Channel,
  callId: string,
  timeoutMs: number,
): Promise<CallInfo> {
  let response: GetCallResponse;
  try {
    response = await unary<GetCallResponse>((callback) =>
      channel.client.getCall(
        { callId },
        channel.metadata(),
        { deadline: Date.now() + timeoutMs },
        callback,
      ),
    );
  } catch (error) {
    throw errorFromStatus(error, { kind: 'getCall', callId });
  }
  if (!response.call) throw new CallNotFoundError('the platform returned no call', callId);
  return callInfoFromSnapshot(response.call);
}
