import {
  AgentMode,
  type GatewayInstruction,
  type GatewayInstructionResult,
} from '@warmline/contracts';
import type { MixMode } from '@warmline/audio';
import type { Logger } from '@warmline/telemetry';
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
  leg: Extract<GatewayInstruction['action'], { $case: 'placeCallee' }>['value'],
  contextUrlBase: string | undefined,
  logger: Logger,
): Promise<GatewayInstructionResult> => {
  if (!leg.calleeLegId || !leg.destination)
    return failed(id, 'INVALID_ARGUMENT', 'callee leg id and destination are required');
  if (!sipDestinationAllowed(call.route, leg.destination)) {
    logger.warn(
      { calleeLegId: leg.calleeLegId, connectorId: call.route.connectorId },
      'connect refused: destination not in the configured allowlist',
    );
    return failed(
      id,
      'DESTINATION_NOT_ALLOWED',
      "the destination is not in this route's transfer allowlist",
    );
  }
  if (call.calleeLegId === leg.calleeLegId) return done(id);
  if (call.calleeLegId !== undefined)
    return failed(id, 'CONNECT_IN_PROGRESS', `callee leg ${call.calleeLegId} is already placed`);
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
export const executeSipInstruction = async (
  call: SipCall,
  instruction: GatewayInstruction,
  logger: Logger,
  contextUrlBase?: string,
): Promise<GatewayInstructionResult> => {
  const id = instruction.instructionId;
  const action = instruction.action;
  if (!action) return failed(id, 'INVALID_ARGUMENT', 'instruction has no action');
  if (action.$case !== 'hangup' && call.ended)
    return failed(id, 'CALL_ENDED', 'the call has ended');
  switch (action.$case) {
    case 'answer':
      call.answer();
      return done(id);
    case 'hangup':
      if (!call.ended) call.hangup('call-control asked for hangup');
      return done(id);
    case 'placeCallee':
      return placeCallee(call, id, action.value, contextUrlBase, logger);
    case 'cancelCallee':
      call.cancelCallee(action.value.calleeLegId);
      return done(id);
    case 'setMixMode': {
      const mode = MODES[action.value.mode];
      if (!mode) return failed(id, 'INVALID_ARGUMENT', 'unknown mix mode');
      call.setMixMode(mode);
      return done(id);
    }
    case 'removeAgent':
      call.removeAgent();
      return done(id);
    default: {
      const never: never = action;
      return failed(id, 'INVALID_ARGUMENT', `unknown action ${String(never)}`);
    }
  }
};
