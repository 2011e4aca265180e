import {
  AgentMode,
  type GatewayInstruction,
  type GatewayInstructionResult,
} from '@warmline/contracts';
import type { Logger } from '@warmline/telemetry';
import { CarrierApiError } from '../carriers/carrierApiError';
import { transferAllowed } from '../security/admitCall';
import type { CallActions } from './callActions';
import { dispatchInstruction, type PlaceCalleeArgs, vetCalleeLeg } from './dispatchInstruction';
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
  leg: PlaceCalleeArgs,
  logger: Logger,
): Promise<GatewayInstructionResult> => {
  if (!call.control.placeCallee)
    return failed(id, 'NOT_SUPPORTED', 'this carrier account cannot place a callee leg');
  const refused = vetCalleeLeg(id, leg, {
    allowed: (destination) => transferAllowed(call.route, destination),
    allowlistOf: 'number',
    placedLegId: call.calleeLeg?.calleeLegId,
    connectorId: call.route.connectorId,
    logger,
  });
  if (refused) return refused;
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
export const executeInstruction = (
  call: CallActions,
  instruction: GatewayInstruction,
  logger: Logger,
): Promise<GatewayInstructionResult> =>
  dispatchInstruction(
    {
      get ended() {
        return call.ended;
      },
      answer: () => call.answer(),
      removeAgent: () => call.removeAgent(),
      hangup: (id) => hangup(call, id, logger),
      placeCallee: (id, leg) => placeCallee(call, id, leg, logger),
      cancelCallee: (id, calleeLegId) => cancelCallee(call, id, calleeLegId),
      setMixMode: (id, mode) =>
        mode === AgentMode.AGENT_MODE_BARGE && !call.calleeLeg?.answered
          ? done(id)
          : failed(
              id,
              'NOT_SUPPORTED',
              'carrier streams have no mixer: only the caller hears the agent, and a bridged callee takes the agent out',
            ),
    },
    instruction,
  );
