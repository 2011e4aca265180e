import {
  AgentMode,
  type GatewayInstruction,
  type GatewayInstructionResult,
} from '@warmline/contracts';
import type { MixMode } from '@warmline/audio';
import type { Logger } from '@warmline/telemetry';
import {
  dispatchInstruction,
  type PlaceCalleeArgs,
  vetCalleeLeg,
} from '../calls/dispatchInstruction';
import { done, failed } from '../calls/instructionResults';
import type { SipCall } from './sipCall';
import { sipDestinationAllowed } from './sipSettings';

/** The header naming the call whose handoff context the callee's desk should load. */
export const CONTEXT_ID_HEADER = 'X-Warmline-Context-Id';

const MODES: Partial<Record<AgentMode, MixMode>> = {
  [AgentMode.AGENT_MODE_BARGE]: 'barge',
  [AgentMode.AGENT_MODE_WHISPER]: 'whisper',
  [AgentMode.AGENT_MODE_SPY]: 'spy',
};

const handoffHeaders = (
  call: SipCall,
  contextUrlBase: string | undefined,
): { name: string; value: string }[] => {
  const headers = [{ name: CONTEXT_ID_HEADER, value: call.callId }];
  if (contextUrlBase) {
    const url = `${contextUrlBase.replace(/\/+$/, '')}/${encodeURIComponent(call.callId)}`;
    headers.push({ name: 'Call-Info', value: `<${url}>;purpose=info` });
  }
  return headers;
};

const placeCallee = async (
  call: SipCall,
  id: string,
  leg: PlaceCalleeArgs,
  contextUrlBase: string | undefined,
  logger: Logger,
): Promise<GatewayInstructionResult> => {
  const refused = vetCalleeLeg(id, leg, {
    allowed: (destination) => sipDestinationAllowed(call.route, destination),
    allowlistOf: 'route',
    placedLegId: call.calleeLegId,
    connectorId: call.route.connectorId,
    logger,
  });
  if (refused) return refused;
  try {
    await call.placeCallee(leg.calleeLegId, {
      destination: leg.destination,
      ringTimeSeconds: leg.ringTimeSeconds || 60,
      extraHeaders: handoffHeaders(call, contextUrlBase),
    });
    return done(id);
  } catch (error) {
    return failed(id, 'CARRIER_API_ERROR', `the callee leg could not be placed: ${String(error)}`);
  }
};

/**
 * Carries out one call-control instruction on a SIP call: answer (200 OK), hangup (BYE or a
 * final response), placeCallee (INVITE to an allowlisted destination), cancelCallee
 * (CANCEL/BYE), setMixMode (the bridge's mode), removeAgent (caller and callee stay bridged).
 */
export const executeSipInstruction = (
  call: SipCall,
  instruction: GatewayInstruction,
  logger: Logger,
  contextUrlBase?: string,
): Promise<GatewayInstructionResult> =>
  dispatchInstruction(
    {
      get ended() {
        return call.ended;
      },
      answer: () => call.answer(),
      removeAgent: () => call.removeAgent(),
      hangup: async (id) => {
        if (!call.ended) call.hangup('call-control asked for hangup');
        return done(id);
      },
      placeCallee: (id, leg) => placeCallee(call, id, leg, contextUrlBase, logger),
      cancelCallee: async (id, calleeLegId) => {
        call.cancelCallee(calleeLegId);
        return done(id);
      },
      setMixMode: (id, agentMode) => {
        const mode = MODES[agentMode];
        if (!mode) return failed(id, 'INVALID_ARGUMENT', 'unknown mix mode');
        call.setMixMode(mode);
        return done(id);
      },
    },
    instruction,
  );
