import {
  CallHandler,
  CallState,
  type StartCallRequest,
  type StartCallResponse,
  isSubjectToken,
} from '@warmline/contracts';
import { WarmlineAttributes } from '@warmline/telemetry';
import { applyInput } from '../calls/applyInput';
import type { CallDeps } from '../calls/callDeps';
import { chooseHandler, toSnapshot } from '../domain';

const refuse = (errorCode: string, errorMessage: string): StartCallResponse => ({
  accepted: false,
  handler: CallHandler.CALL_HANDLER_UNSPECIFIED,
  errorCode,
  errorMessage,
});

/**
 * A gateway announces a new caller (`cmd.call-control.start`): routing rules choose the
 * handler, CallStarted is stored (once: the call id is the idempotency key), and an
 * SDK-routed call that is still PENDING is offered to its connector's SDK sessions. A
 * retried request repeats the offer, so a crash between the two steps loses no call.
 */
export async function onStartCall(
  deps: CallDeps,
  request: StartCallRequest,
): Promise<StartCallResponse> {
  if (!isSubjectToken(request.callId))
    return refuse('INVALID_ARGUMENT', 'callId is not a valid id');
  if (!isSubjectToken(request.connectorId)) {
    return refuse('INVALID_ARGUMENT', 'connectorId is not a valid id');
  }
  const handler = chooseHandler(deps.routing, request);
  const { decision, after } = await applyInput(deps, request.callId, {
    kind: 'startCall',
    request,
    handler,
  });
  if (!decision.ok) return refuse(decision.error.code, decision.error.message);
  const { call } = after;
  if (!call.exists) return refuse('CALL_NOT_FOUND', 'the call was not stored');
  if (
    call.handler === CallHandler.CALL_HANDLER_SDK &&
    call.state === CallState.CALL_STATE_PENDING
  ) {
    await deps.incoming.offer({ ...toSnapshot(call), version: after.version });
  }
  deps.log.info(
    {
      [WarmlineAttributes.CALL_ID]: call.callId,
      connectorId: call.origin.connectorId,
      handler: CallHandler[call.handler],
      repeated: decision.ignored !== null,
    },
    'call started',
  );
  return { accepted: true, handler: call.handler, errorCode: '', errorMessage: '' };
}
