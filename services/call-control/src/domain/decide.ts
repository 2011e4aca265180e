import { assertNever } from './assertNever';
import type { CallAggregate } from './callAggregate';
import type { CallDecision } from './callDecision';
import type { CallInput } from './callInput';
import { decideCommand } from './commands/decideCommand';
import type { DecideContext } from './decideContext';
import { decideAnswerOutcome } from './decideAnswerOutcome';
import { decideRingTimeout } from './decideRingTimeout';
import { decideServerTermination } from './decideServerTermination';
import { decideStart } from './decideStart';
import { rejectNotFound } from './rejections';
import { decideSignal } from './signals/decideSignal';

/**
 * The call aggregate's decider: given one input and the state folded from the call's
 * events, what happens (argument order as in Emmett and `deciderSpec`). Pure and
 * deterministic: time, ids and configuration come from `ctx`. Returns the events to
 * append and what to tell the gateway, or a typed rejection that changes nothing.
 */
export function decide(input: CallInput, call: CallAggregate, ctx: DecideContext): CallDecision {
  if (input.kind === 'startCall') return decideStart(call, input, ctx);
  if (!call.exists) return rejectNotFound(call, `cannot apply ${input.kind}`);
  switch (input.kind) {
    case 'command':
      return decideCommand(call, input.command, ctx);
    case 'gatewaySignal':
      return decideSignal(call, input.signal, ctx);
    case 'answerOutcome':
      return decideAnswerOutcome(call, input, ctx);
    case 'ringTimeout':
      return decideRingTimeout(call, input, ctx);
    case 'serverTermination':
      return decideServerTermination(call, input, ctx);
    default:
      return assertNever(input);
  }
}
