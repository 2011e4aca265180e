import { EscalationOutcome, TerminationReason, terminationReasonToJSON } from '@warmline/contracts';
import type { CallTerminatedInput } from '../inputs';
import type { ActiveStatus } from '../state';
import type { ReactionContext } from './reactionContext';
import { type Reaction, finish, transferred } from './moves';

/**
 * The call ended while the saga was under way. After close() that is the transfer completing;
 * while the caller records a message or has accepted a callback, hanging up is their normal way
 * out. Anywhere else the escalation is abandoned: every timer is disarmed (entering FINISHED does
 * that) and a callee leg that may still ring or talk is cleaned up with disconnect().
 */
export const onTerminated = (
  input: CallTerminatedInput,
  ctx: ReactionContext,
  status: ActiveStatus,
): Reaction => {
  const reason = terminationReasonToJSON(input.reason);
  if (status === 'Leaving' && input.reason === TerminationReason.TERMINATION_REASON_AGENT_LEFT) {
    return transferred(ctx, 'the agent left; caller and callee are bridged');
  }
  if (status === 'RecordingVoicemail') return [];
  if (status === 'Closing') {
    const detail = `callback accepted; ${reason}`;
    return finish(ctx, EscalationOutcome.ESCALATION_OUTCOME_CALLBACK_OFFERED, detail, false);
  }
  const cleanup = ctx.state.calleeLeg !== 'none';
  const detail = `${reason} while ${status}`;
  return finish(ctx, EscalationOutcome.ESCALATION_OUTCOME_ABANDONED, detail, cleanup);
};
