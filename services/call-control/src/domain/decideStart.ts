import { CallHandler } from '@warmline/contracts';
import type { CallAggregate } from './callAggregate';
import { type CallDecision, accept, ignore } from './callDecision';
import { newCallEvent } from './callEventFactory';
import type { StartCallInput } from './callInput';
import type { DecideContext } from './decideContext';
import { rejectInvalid } from './rejections';

const routableHandlers: readonly CallHandler[] = [
  CallHandler.CALL_HANDLER_BUILT_IN_AGENT,
  CallHandler.CALL_HANDLER_SDK,
];

/**
 * A new caller arrived: CallStarted, state PENDING. The call id is the idempotency key,
 * so a gateway retrying its request gets the same success and no second call.
 */
export function decideStart(
  call: CallAggregate,
  input: StartCallInput,
  ctx: DecideContext,
): CallDecision {
  const { request, handler } = input;
  if (request.callId === '') return rejectInvalid(call, 'callId is required to start a call');
  if (call.exists) {
    if (call.callId === request.callId) return ignore('DUPLICATE_INPUT');
    return rejectInvalid(call, `this stream holds call "${call.callId}", not "${request.callId}"`);
  }
  if (!routableHandlers.includes(handler)) {
    return rejectInvalid(call, 'routing chose no handler for the call');
  }
  const started = newCallEvent(
    ctx,
    request.callId,
    { causationId: request.callId, correlationId: request.callId },
    {
      $case: 'started',
      value: {
        callerNumber: request.callerNumber,
        calleeNumber: request.calleeNumber,
        connectorId: request.connectorId,
        transport: request.transport,
        gatewayId: request.gatewayId,
        handler,
        carrierCallId: request.carrierCallId,
        customParameters: { ...request.customParameters },
        capabilities: request.capabilities && {
          agentModes: [...request.capabilities.agentModes],
        },
      },
    },
  );
  return accept([started]);
}
