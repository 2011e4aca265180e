import { EscalationOutcome, terminationReasonToJSON } from '@warmline/contracts';
import type { EscalationInput } from '../inputs';
import type { ReactionContext } from './reactionContext';
import { type Reaction, finish, saveContextNow, start } from './moves';

const HANDLED_BY_AGENT = EscalationOutcome.ESCALATION_OUTCOME_HANDLED_BY_AGENT;

/**
 * Before any escalation. The request starts the saga; the AI ending the call (disconnect) or the
 * call ending on its own finishes it as handled by the agent, keeping the context either way.
 * Anything else is not the saga's business yet: undefined, nothing is recorded.
 */
export const onIdle = (input: EscalationInput, ctx: ReactionContext): Reaction | undefined => {
  switch (input.kind) {
    case 'EscalationRequested':
      return start(ctx, input);
    case 'AgentFinished':
      return [
        ...saveContextNow(ctx, 'final'),
        ...finish(ctx, HANDLED_BY_AGENT, 'the agent ended the call', true),
      ];
    case 'CallTerminated': {
      const detail = `${terminationReasonToJSON(input.reason)} before any escalation`;
      return [...saveContextNow(ctx, 'final'), ...finish(ctx, HANDLED_BY_AGENT, detail, false)];
    }
    case 'ContextSaved':
    case 'ContextSaveFailed':
    case 'SpeechPlayed':
    case 'CallConnected':
    case 'CallConnectFailed':
    case 'CommandRejected':
    case 'AgentModeChanged':
    case 'CallerChose':
    case 'VoicemailRecorded':
    case 'TimerFired':
      return undefined;
    default: {
      const unreachable: never = input;
      return unreachable;
    }
  }
};
