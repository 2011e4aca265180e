import { type AgentMode, type CallStarted } from '@warmline/contracts';
import { supportedAgentModes } from '@warmline/handoff';

export { supportedAgentModes };

/**
 * Whether the call's gateway can put the agent in `mode`: as declared at start, else inferred
 * from the transport (the rule lives in @warmline/handoff, shared with the orchestrator's saga).
 */
export function supportsAgentMode(origin: CallStarted, mode: AgentMode): boolean {
  return supportedAgentModes(origin).includes(mode);
}
