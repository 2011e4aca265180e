import {
  AgentMode,
  type GatewayInstruction,
  type GatewayInstructionResult,
} from '@warmline/contracts';
import type { Logger } from '@warmline/telemetry';
import { CarrierApiError } from '../carriers/carrierApiError';
import { transferAllowed } from '../security/admitCall';
import type { CallActions } from './callActions';
import { done, failed } from './instructionResults';

const carrierFailure = (id: string, error: unknown): GatewayInstructionResult => {
  if (error instanceof CarrierApiError) {
    return failed(
      id,
      'CARRIER_API_ERROR',
      `${error.carrier} answered ${error.status}: ${error.message}`,
    );
  }
  throw error;
};

const hangup = async (
  call: CallActions,
  id: string,
  logger: Logger,
): Promise<GatewayInstructionResult> => {
  if (call.ended) return done(id);
  call.hangup('call-control asked for hangup');
  if (!call.control.hangup) return done(id); // closing the stream is all this transport can do
  try {
    await call.control.hangup(id);
    return done(id);
  } catch (error) {
    logger.warn({ err: error }, 'carrier hangup failed');
    return carrierFailure(id, error);
  }
};

const placeCallee = async (
  call: CallActions,
  id: string,
  leg: Extract<GatewayInstruction['action'], { $case: 'placeCallee' }>['value'],
): Promise<GatewayInstructionResult> => {
  if (!call.control.placeCallee)
    return failed(id, 'NOT_SUPPORTED', 'this carrier account cannot place a callee leg');
  if (!leg.calleeLegId || !leg.destination)
    return failed(id, 'INVALID_ARGUMENT', 'callee leg id and destination are required');
  if (!transferAllowed(call.route, leg.destination)) {
    return failed(
      id,
      'DESTINATION_NOT_ALLOWED',
      "the destination is not in this number's transfer allowlist",
    );
  }
  const current = call.calleeLeg;
  if (current?.calleeLegId === leg.calleeLegId) return done(id); // a repeat of this instruction
  if (current)
    return failed(id, 'CONNECT_IN_PROGRESS', `callee leg ${current.calleeLegId} is already placed`);
  const plan = call.beginTransfer({
    instructionId: id,
    calleeLegId: leg.calleeLegId,
    destination: leg.destination,
    ringTimeSeconds: leg.ringTimeSeconds || 60,
    handoffData: leg.handoffData,
  });
  try {
    await call.control.placeCallee(plan);
    return done(id);
  } catch (error) {
    call.endTransfer(leg.calleeLegId);
    return carrierFailure(id, error);
  }
};

const cancelCallee = async (
  call: CallActions,
  id: string,
  calleeLegId: string,
): Promise<GatewayInstructionResult> => {
  const leg = call.calleeLeg;
  if (!leg || leg.calleeLegId !== calleeLegId) return done(id); // nothing ringing under that id
  if (!call.control.cancelCallee || leg.carrierLegId === undefined) {
    return failed(
      id,
      'NOT_SUPPORTED',
      'the carrier has not named the callee leg yet, so it cannot be cancelled',
    );
  }
  try {
    await call.control.cancelCallee(leg, id);
    call.endTransfer(calleeLegId);
    return done(id);
  } catch (error) {
    return carrierFailure(id, error);
  }
};

/**
 * Carries out one instruction from call-control on a carrier-stream call.
 * Carrier streams have no mixer: the agent hears and speaks to the caller
 * alone, and once a carrier transfer bridges a callee the agent is out of the
 * media path. See the README for the per-transport table.
 */
export const executeInstruction = async (
  call: CallActions,
  instruction: GatewayInstruction,
  logger: Logger,
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
      return hangup(call, id, logger);
    case 'placeCallee':
      return placeCallee(call, id, action.value);
    case 'cancelCallee':
      return cancelCallee(call, id, action.value.calleeLegId);
    case 'setMixMode':
      if (action.value.mode === AgentMode.AGENT_MODE_BARGE && !call.calleeLeg?.answered)
        return done(id);
      return failed(
        id,
        'NOT_SUPPORTED',
        'carrier streams have no mixer: only the caller hears the agent, and a bridged callee takes the agent out',
      );
    case 'removeAgent':
      call.removeAgent();
      return done(id);
    default: {
      const never: never = action;
      return failed(id, 'INVALID_ARGUMENT', `unknown action ${String(never)}`);
    }
  }
};
