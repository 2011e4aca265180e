import { AgentMode, type TerminationReason } from '@warmline/contracts';
import type { CallInstruction } from './callDecision';

/** Builders for the instructions the decider gives the gateway. */
export const instruct = {
  /** Answer the caller's leg (start streaming audio with the caller). */
  answerLeg: (): CallInstruction => ({ $case: 'answer', value: {} }),

  /** Ring the callee; the destination comes from configuration. */
  placeCallee: (
    calleeLegId: string,
    destination: string,
    ringTimeSeconds: number,
    handoffData: Readonly<Record<string, string>>,
  ): CallInstruction => ({
    $case: 'placeCallee',
    value: { calleeLegId, destination, ringTimeSeconds, handoffData: { ...handoffData } },
  }),

  /** Stop ringing (or drop) a callee leg. */
  cancelCallee: (calleeLegId: string): CallInstruction => ({
    $case: 'cancelCallee',
    value: { calleeLegId },
  }),

  /** Choose who hears the agent in the 3-party mix. */
  setMixMode: (mode: AgentMode): CallInstruction => ({ $case: 'setMixMode', value: { mode } }),

  /** The default mix once the callee joins. */
  bargeIn: (): CallInstruction => instruct.setMixMode(AgentMode.AGENT_MODE_BARGE),

  /** Take the agent out of the mix; caller and callee stay bridged. */
  removeAgent: (): CallInstruction => ({ $case: 'removeAgent', value: {} }),

  /** End the call for every party still on it. */
  hangup: (reason: TerminationReason): CallInstruction => ({ $case: 'hangup', value: { reason } }),
};
