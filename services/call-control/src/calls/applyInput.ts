import { WarmlineAttributes } from '@warmline/telemetry';
import type { CallInput } from '../domain';
import type { CallDeps } from './callDeps';
import { type AppliedDecision, decideAndAppend } from './decideAndAppend';
import { followUpFor } from './followUp';
import { inputId } from './inputId';

/**
 * Tells the gateway what an applied decision asks, in order, each instruction by
 * request/reply with an id derived from the decision (so a gateway can drop repeats).
 * A reply that is itself an input to the call (answer outcome, refused callee leg) is
 * applied in turn.
 */
export async function carryOut(
  deps: CallDeps,
  callId: string,
  input: CallInput,
  applied: AppliedDecision,
): Promise<void> {
  const { decision } = applied;
  if (!decision.ok) return;
  const base = decision.events[0]?.eventId ?? inputId(input);
  for (const [index, action] of decision.instructions.entries()) {
    const instructionId = `${base}:${index}`;
    const reply = await deps.gateway.instruct(callId, instructionId, action);
    const next = followUpFor(callId, input, action, instructionId, reply, deps.clock());
    if (next) {
      await applyInput(deps, callId, next);
    } else if (!reply.ok) {
      deps.log.warn(
        {
          [WarmlineAttributes.CALL_ID]: callId,
          instruction: action.$case,
          instructionId,
          errorCode: reply.errorCode,
          error: reply.errorMessage,
        },
        'gateway refused an instruction',
      );
    }
  }
}

/** Decides, stores and carries out one input to a call. */
export async function applyInput(
  deps: CallDeps,
  callId: string,
  input: CallInput,
): Promise<AppliedDecision> {
  const applied = await decideAndAppend(deps, callId, input);
  await carryOut(deps, callId, input, applied);
  return applied;
}
