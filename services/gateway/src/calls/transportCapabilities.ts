import { AgentMode, type CallCapabilities } from '@warmline/contracts';

/**
 * What a call's transport can do, declared to call-control in the StartCallRequest so it refuses
 * the rest (AGENT_MODE_NOT_SUPPORTED) instead of reporting a mode change that never happens.
 * Keep in step with executeInstruction (carrier streams) and executeSipInstruction (SIP).
 */

/** Carrier media streams (Twilio, Telnyx) have no mixer: the callee leg lives at the carrier. */
export const carrierStreamCapabilities = (): CallCapabilities => ({ agentModes: [] });

/** SIP calls run through the gateway's three-party bridge, which mixes every agent mode. */
export const sipCapabilities = (): CallCapabilities => ({
  agentModes: [AgentMode.AGENT_MODE_BARGE, AgentMode.AGENT_MODE_WHISPER, AgentMode.AGENT_MODE_SPY],
});
