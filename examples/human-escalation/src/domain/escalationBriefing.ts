import type { CallBriefing } from '@warmline/sdk';
import type { ConversationTurn } from '../escalationContext';

/** The phrases the callee hears for each stored reason (the orchestrator's saga uses the same). */
const REASON_PHRASES: Readonly<Record<string, string>> = {
  CALLER_ASKED: 'they asked to speak to a person',
  FRUSTRATION: 'they are frustrated',
  OUT_OF_SCOPE: 'the request is outside what I can handle',
  REPEATED_FAILURE: 'I could not resolve it after several tries',
  LOW_CONFIDENCE: 'I was not confident in my answers',
  POLICY_KEYWORD: 'policy says a person must take this call',
};

/**
 * The warm-transfer briefing for the callee: why (the stored reason as a phrase) and what was
 * tried (the caller's lines, then how many answers the AI gave). No caller name: this example
 * does not know it.
 */
export function escalationBriefing(
  reason: string,
  turns: readonly ConversationTurn[],
): CallBriefing {
  const said = turns.filter((t) => t.role === 'caller').map((t) => t.text);
  const answers = turns.filter((t) => t.role === 'ai').length - 1; // the last is the transition
  const tried = [
    said.length ? `They said: ${said.join('; ')}.` : '',
    answers > 0 ? `I answered ${answers} ${answers === 1 ? 'time' : 'times'}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { reason: REASON_PHRASES[reason] ?? 'they need a person', tried };
}
