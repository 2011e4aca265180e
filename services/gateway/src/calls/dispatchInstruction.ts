import type { AgentMode, GatewayInstruction, GatewayInstructionResult } from '@warmline/contracts';
import type { Logger } from '@warmline/telemetry';
import { done, failed } from './instructionResults';

/** The `placeCallee` instruction's arguments. */
export type PlaceCalleeArgs = Extract<
  GatewayInstruction['action'],
  { $case: 'placeCallee' }
>['value'];

/**
 * What one transport does for each instruction. `answer` and `removeAgent` are the same
 * everywhere; the others differ (carrier REST API or SIP legs, mixer or none).
 */
export interface InstructionTarget {
  readonly ended: boolean;
  answer(): void;
  removeAgent(): void;
  hangup(id: string): Promise<GatewayInstructionResult>;
  placeCallee(id: string, leg: PlaceCalleeArgs): Promise<GatewayInstructionResult>;
  cancelCallee(id: string, calleeLegId: string): Promise<GatewayInstructionResult>;
  setMixMode(id: string, mode: AgentMode): GatewayInstructionResult;
}

/**
 * Checks a `placeCallee` the same way on every transport: ids present, the destination in the
 * allowlist (the toll-fraud fence: refused with a warning), a repeat of the placed leg is done,
 * another leg already placed is `CONNECT_IN_PROGRESS`. Undefined when the leg may be placed.
 */
export const vetCalleeLeg = (
  id: string,
  leg: PlaceCalleeArgs,
  check: {
    readonly allowed: (destination: string) => boolean;
    /** Whose allowlist it is, for the message ("number", "route"). */
    readonly allowlistOf: string;
    /** The callee leg already placed, if any. */
    readonly placedLegId: string | undefined;
    readonly connectorId: string;
    readonly logger: Logger;
  },
): GatewayInstructionResult | undefined => {
  if (!leg.calleeLegId || !leg.destination)
    return failed(id, 'INVALID_ARGUMENT', 'callee leg id and destination are required');
  if (!check.allowed(leg.destination)) {
    check.logger.warn(
      { calleeLegId: leg.calleeLegId, connectorId: check.connectorId },
      'connect refused: destination not in the configured allowlist',
    );
    return failed(
      id,
      'DESTINATION_NOT_ALLOWED',
      `the destination is not in this ${check.allowlistOf}'s transfer allowlist`,
    );
  }
  if (check.placedLegId === leg.calleeLegId) return done(id); // a repeat of this instruction
  if (check.placedLegId !== undefined)
    return failed(id, 'CONNECT_IN_PROGRESS', `callee leg ${check.placedLegId} is already placed`);
  return undefined;
};

/**
 * Carries out one call-control instruction: a malformed one is `INVALID_ARGUMENT`, anything
 * but `hangup` on an ended call is `CALL_ENDED`, the rest goes to the transport.
 */
export const dispatchInstruction = async (
  target: InstructionTarget,
  instruction: GatewayInstruction,
): Promise<GatewayInstructionResult> => {
  const id = instruction.instructionId;
  const action = instruction.action;
  if (!action) return failed(id, 'INVALID_ARGUMENT', 'instruction has no action');
  if (action.$case !== 'hangup' && target.ended)
    return failed(id, 'CALL_ENDED', 'the call has ended');
  switch (action.$case) {
    case 'answer':
      target.answer();
      return done(id);
    case 'hangup':
      return target.hangup(id);
    case 'placeCallee':
      return target.placeCallee(id, action.value);
    case 'cancelCallee':
      return target.cancelCallee(id, action.value.calleeLegId);
    case 'setMixMode':
      return target.setMixMode(id, action.value.mode);
    case 'removeAgent':
      target.removeAgent();
      return done(id);
    default: {
      const never: never = action;
      return failed(id, 'INVALID_ARGUMENT', `unknown action ${String(never)}`);
    }
  }
};
