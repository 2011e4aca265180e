import { AgentMode } from '@warmline/contracts';
import { supportsAgentMode } from '../agentModeSupport';
import type { StartedCall } from '../callAggregate';
import { type CallDecision, accept, ignore } from '../callDecision';
import { type EventCause, newCallEvent } from '../callEventFactory';
import type { DecideContext } from '../decideContext';
import { instruct } from '../instructions';
import { rejectAgentModeNotSupported, rejectInvalid } from '../rejections';

const selectableModes: readonly AgentMode[] = [
  AgentMode.AGENT_MODE_BARGE,
  AgentMode.AGENT_MODE_WHISPER,
  AgentMode.AGENT_MODE_SPY,
];

/**
 * barge / whisper / spy on a CONNECTED call; asking for the current mode is a no-op success.
 * A mode the call's transport cannot mix (see supportedAgentModes) is refused with
 * AGENT_MODE_NOT_SUPPORTED and nothing is appended, so the application is never told a mode
 * took effect that the gateway cannot do.
 */
export function decideSetAgentMode(
  call: StartedCall,
  mode: AgentMode,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  if (!selectableModes.includes(mode)) {
    return rejectInvalid(call, `agent mode must be BARGE, WHISPER or SPY; got ${mode}`);
  }
  if (!supportsAgentMode(call.origin, mode)) return rejectAgentModeNotSupported(call, mode);
  if (mode === call.mode) return ignore('ALREADY_IN_MODE');
  const changed = newCallEvent(ctx, call.callId, cause, {
    $case: 'agentModeChanged',
    value: { mode },
  });
  return accept([changed], [instruct.setMixMode(mode)]);
}
