import { CallState, type CallCommand, TerminationReason } from '@warmline/contracts';
import { isCommandAllowed } from '../allowedCommands';
import { assertNever } from '../assertNever';
import type { StartedCall } from '../callAggregate';
import type { CallDecision } from '../callDecision';
import type { DecideContext } from '../decideContext';
import { terminateCall } from '../endCall';
import { checkInputIdentity } from '../inputIdentity';
import { rejectClosed, rejectInvalid, rejectWrongState } from '../rejections';
import { decideAnswer } from './decideAnswer';
import { decideClose } from './decideClose';
import { decideConnect } from './decideConnect';
import { decideSetAgentMode } from './decideSetAgentMode';
import { decideTerminate } from './decideTerminate';

/**
 * An application or saga command. Repeats (same command id) get their first outcome
 * again; a command the state does not allow is rejected before its own logic runs.
 */
export function decideCommand(
  call: StartedCall,
  command: CallCommand,
  ctx: DecideContext,
): CallDecision {
  const identity = { idName: 'commandId', id: command.commandId, callId: command.callId };
  const early = checkInputIdentity(call, identity);
  if (early) return early;
  const payload = command.payload;
  if (!payload) return rejectInvalid(call, 'command has no payload');
  const cause = {
    causationId: command.commandId,
    correlationId: command.correlationId || call.callId,
  };
  // Server-side termination also ends the bridge a CONNECTED close() left behind.
  if (payload.$case === 'terminate') {
    if (call.state === CallState.CALL_STATE_DISCONNECTED && call.bridge === 'ACTIVE') {
      return decideTerminate(call, payload.value, cause, ctx);
    }
  }
  if (call.state === CallState.CALL_STATE_DISCONNECTED) return rejectClosed(call, payload.$case);
  if (!isCommandAllowed(call.state, payload.$case)) return rejectWrongState(call, payload.$case);

  switch (payload.$case) {
    case 'answer':
      return decideAnswer(call, cause, ctx);
    case 'connect':
      return decideConnect(call, payload.value, cause, ctx);
    case 'close':
      return decideClose(call, cause, ctx);
    case 'disconnect':
      return terminateCall(call, TerminationReason.TERMINATION_REASON_DISCONNECTED, '', cause, ctx);
    case 'setAgentMode':
      return decideSetAgentMode(call, payload.value.mode, cause, ctx);
    case 'terminate':
      return decideTerminate(call, payload.value, cause, ctx);
    default:
      return assertNever(payload);
  }
}
