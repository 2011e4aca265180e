import { type Bus, isRemoteError, protoCodec, request } from '@warmline/bus';
import { GatewayInstruction, GatewayInstructionResult, subjects } from '@warmline/contracts';
import type { GatewayPort, GatewayReply } from '../../calls/ports';

/** The code of an instruction that reached no gateway, or got no reply in time. */
export const GATEWAY_UNAVAILABLE = 'GATEWAY_UNAVAILABLE';

const instructionCodec = protoCodec(GatewayInstruction);
const resultCodec = protoCodec(GatewayInstructionResult);

/**
 * Sends instructions to the gateway holding a call by request/reply on `gw.call.<callId>`.
 * Transport failures (no gateway, no reply in time, an error reply) become a failed
 * reply with a code, so the caller can turn them into call inputs.
 */
export function createGatewayClient(bus: Bus, timeoutMs: number): GatewayPort {
  return {
    instruct: async (callId, instructionId, action): Promise<GatewayReply> => {
      const instruction: GatewayInstruction = { instructionId, callId, action };
      try {
        const result = await request(
          bus,
          subjects.gatewayInstruction(callId),
          instructionCodec,
          instruction,
          resultCodec,
          { timeoutMs },
        );
        if (result.ok) return { ok: true };
        return { ok: false, errorCode: result.errorCode, errorMessage: result.errorMessage };
      } catch (error) {
        const code = isRemoteError(error) ? error.code : GATEWAY_UNAVAILABLE;
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, errorCode: code, errorMessage: message };
      }
    },
  };
}
