import { AgentMode, type CallStarted, Transport } from '@warmline/contracts';

const allModes: readonly AgentMode[] = [
  AgentMode.AGENT_MODE_BARGE,
  AgentMode.AGENT_MODE_WHISPER,
  AgentMode.AGENT_MODE_SPY,
];

/**
 * For calls started by a gateway that did not declare its capabilities: what that gateway
 * could do on each transport. SIP calls run through the gateway's mixer (all three modes);
 * carrier media streams (Twilio, Telnyx) have no mixer, so none. An unknown transport keeps
 * the old behaviour (all modes; the gateway still refuses what it cannot do).
 */
const inferredByTransport = (transport: Transport): readonly AgentMode[] =>
  transport === Transport.TRANSPORT_TWILIO || transport === Transport.TRANSPORT_TELNYX
    ? []
    : allModes;

/** The agent modes the call's gateway can mix: as declared at start, else inferred from the transport. */
export function supportedAgentModes(origin: CallStarted): readonly AgentMode[] {
  return origin.capabilities
    ? origin.capabilities.agentModes
    : inferredByTransport(origin.transport);
}

/** Whether the call's gateway can put the agent in `mode`. */
export function supportsAgentMode(origin: CallStarted, mode: AgentMode): boolean {
  return supportedAgentModes(origin).includes(mode);
}
