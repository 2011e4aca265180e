import type { CallInput, CallInstruction } from '../domain';
import type { GatewayReply } from './ports';

/** The code a failed callee leg carries when the gateway did not say why. */
const CALLEE_UNREACHABLE = 'CALLEE_UNREACHABLE';

/**
 * The input a gateway reply feeds back to the call, if any: the reply to an answer
 * command's AnswerLeg becomes its answerOutcome; a PlaceCalleeLeg the gateway refused
 * becomes a CalleeFailed fact for the leg (so connect fails instead of ringing forever).
 * Other replies only matter for logs.
 */
export function followUpFor(
  callId: string,
  input: CallInput,
  action: CallInstruction,
  instructionId: string,
  reply: GatewayReply,
  nowMs: number,
): CallInput | null {
  if (
    action.$case === 'answer' &&
    input.kind === 'command' &&
    input.command.payload?.$case === 'answer'
  ) {
    return {
      kind: 'answerOutcome',
      answerCommandId: input.command.commandId,
      result: reply.ok
        ? { ok: true }
        : { ok: false, errorCode: reply.errorCode, errorMessage: reply.errorMessage },
    };
  }
  if (reply.ok || action.$case !== 'placeCallee') return null;
  return {
    kind: 'gatewaySignal',
    signal: {
      signalId: `${instructionId}:failed`,
      callId,
      occurredAtMs: nowMs,
      payload: {
        $case: 'calleeFailed',
        value: {
          calleeLegId: action.value.calleeLegId,
          errorCode: reply.errorCode || CALLEE_UNREACHABLE,
          carrierStatus: 0,
          detail: reply.errorMessage,
        },
      },
    },
  };
}
