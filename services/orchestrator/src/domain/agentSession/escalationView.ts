import { EscalationOutcome } from '@warmline/contracts';
import type { EscalationState } from '../escalation';

/**
 * What the agent session needs to know of the escalation saga:
 * - `none`: no escalation; the AI has the call;
 * - `active`: the saga has the call (the AI stays quiet);
 * - `returned`: nobody answered and the caller went back to the AI, which has the call again;
 * - `over`: the call was transferred, abandoned or ended by the saga.
 */
export type EscalationView = 'none' | 'active' | 'returned' | 'over';

/** The view of a saga state. */
export const escalationViewOf = ({ phase }: EscalationState): EscalationView => {
  switch (phase.status) {
    case 'Idle':
      return 'none';
    case 'Finished':
      return phase.outcome === EscalationOutcome.ESCALATION_OUTCOME_RETURNED_TO_AGENT
        ? 'returned'
        : 'over';
    default:
      return 'active';
  }
};
