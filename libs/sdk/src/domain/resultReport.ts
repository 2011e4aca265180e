import type { CallCommandResult } from '@warmline/contracts';
import type { CallCommandName } from '../errors/callErrors';
import type { CallState } from './callState';
import type { ReportedState } from './foldCallState';
import { agentModeFromProto, callStateFromProto } from './protoNames';

/**
 * What a successful command result says about the call. A DISCONNECTED state is taken only
 * from close() and disconnect(), whose reason is known from the command and the state before
 * it (close after connect: the agent left; close after answer: the caller was dropped too).
 * Any other report of an ending is left to the call's events, which carry the real reason.
 */
export function reportFromResult(
  result: CallCommandResult,
  command: CallCommandName,
  stateBefore: CallState,
): ReportedState {
  const state = callStateFromProto(result.state);
  const mode = agentModeFromProto(result.mode);
  if (state !== 'DISCONNECTED') return { state, mode };
  switch (command) {
    case 'close':
      return {
        state,
        mode,
        terminationReason: stateBefore === 'CONNECTED' ? 'AGENT_LEFT' : 'CLOSED',
      };
    case 'disconnect':
      return { state, mode, terminationReason: 'DISCONNECTED' };
    default:
      return { state: undefined, mode };
  }
}
