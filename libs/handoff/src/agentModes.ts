import { AgentMode, type CallStarted, Transport } from '@warmline/contracts';

const ALL_MODES: readonly AgentMode[] = [
  AgentMode.AGENT_MODE_BARGE,
  AgentMode.AGENT_MODE_WHISPER,
  AgentMode.AGENT_MODE_SPY,
];

/**
 * The agent modes a call's gateway can mix: as declared in `CallStarted.capabilities`, else
 * inferred from the transport for a gateway that predates the field (carrier media streams,
 * Twilio and Telnyx, have no mixer: none; SIP and unknown transports: all three). The same rule
 * call-control applies when it refuses a mode (AGENT_MODE_NOT_SUPPORTED).
 */
export const supportedAgentModes = (
  started: Pick<CallStarted, 'capabilities' | 'transport'>,
): readonly AgentMode[] => {
  if (started.capabilities) return started.capabilities.agentModes;
  const carrier =
    started.transport === Transport.TRANSPORT_TWILIO ||
    started.transport === Transport.TRANSPORT_TELNYX;
  return carrier ? [] : ALL_MODES;
};
