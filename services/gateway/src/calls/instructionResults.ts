import { GatewayInstructionResult } from '@warmline/contracts';

/** Codes a gateway instruction can fail with. */
export type InstructionErrorCode =
  /** The call already ended here. */
  | 'CALL_ENDED'
  /** The transport cannot do this (see the README's per-transport table). */
  | 'NOT_SUPPORTED'
  /** The destination is not in the number's transfer allowlist (toll-fraud fence). */
  | 'DESTINATION_NOT_ALLOWED'
  /** A callee leg is already being placed. */
  | 'CONNECT_IN_PROGRESS'
  /** The carrier's REST API refused or could not be reached. */
  | 'CARRIER_API_ERROR'
  /** The instruction is malformed. */
  | 'INVALID_ARGUMENT';

/** A successful result for `instructionId`. */
export const done = (instructionId: string): GatewayInstructionResult =>
  GatewayInstructionResult.fromPartial({ instructionId, ok: true });

/** A failed result for `instructionId`. */
export const failed = (
  instructionId: string,
  errorCode: InstructionErrorCode,
  errorMessage: string,
): GatewayInstructionResult =>
  GatewayInstructionResult.fromPartial({ instructionId, ok: false, errorCode, errorMessage });
