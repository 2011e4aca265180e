import { AgentMode } from '@warmline/contracts';
import type { StartedCall } from '../callAggregate';
import { type CallDecision, accept, ignore } from '../callDecision';
import { type EventCause, newCallEvent } from '../callEventFactory';
import type { DecideContext } from '../decideContext';
import { instruct } from '../instructions';
import { rejectInvalid } from '../rejections';

const selectableModes: readonly AgentMode[] = [
  AgentMode.AGENT_MODE_BARGE,
  AgentMode.AGENT_MODE_WHISPER,
  AgentMode.AGENT_MODE_SPY,
];

/** barge / whisper / spy on a CONNECTED call; asking for the current mode is a no-op success. */
export function decideSetAgentMode(
  call: StartedCall,
  mode: AgentMode,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  if (!selectableModes.includes(mode)) {
    return rejectInvalid(call, `agent mode must be BARGE, WHISPER or SPY; got ${mode}`);
  }
  if (mode === call.mode) return ignore('ALREADY_IN_MODE');
  const changed = newCallEvent(ctx, call.callId, cause, {
    $case: 'agentModeChanged',
    value: { mode },
  });
  return accept([changed], [instruct.setMixMode(mode)]);
}
