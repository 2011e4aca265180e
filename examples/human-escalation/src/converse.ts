import {
  type EscalateDecision,
  initialConversationState,
  reasonName,
} from '@warmline/llm-decision';
import { callerUtterances, sendLine } from '@warmline/example-kit';
import type { ActiveCall } from '@warmline/sdk';
import type { ConversationTurn } from './escalationContext';
import type { HumanEscalationDeps } from './escalationDeps';

/** How a conversation ended: the AI asked for a person, or it is done (or the caller left). */
export type ConversationEnd =
  { readonly kind: 'escalate'; readonly decision: EscalateDecision } | { readonly kind: 'done' };

/**
 * Converses turn by turn, appending every caller and AI line to `summary`, until the policy
 * escalates, ends the call, or the caller's audio ends.
 */
export async function converse(
  call: ActiveCall,
  deps: HumanEscalationDeps,
  summary: ConversationTurn[],
): Promise<ConversationEnd> {
  let state = initialConversationState();
  const utterances = callerUtterances(
    call.audioStream(),
    deps.sampleRate ?? 16_000,
    deps.utterances,
  );
  for await (const utterance of utterances) {
    const heard = await deps.recognizer.transcribe(utterance);
    if (!heard.text) continue;
    summary.push({ role: 'caller', text: heard.text });
    const { decision, nextState } = deps.decide(state, heard);
    state = nextState;
    switch (decision.kind) {
      case 'escalate':
        summary.push({ role: 'ai', text: decision.replyText });
        return { kind: 'escalate', decision };
      case 'end':
        summary.push({ role: 'ai', text: decision.replyText });
        await sendLine(call, deps.synthesizer, decision.replyText);
        return { kind: 'done' };
      case 'reply':
        summary.push({ role: 'ai', text: decision.text });
        await sendLine(call, deps.synthesizer, decision.text);
        break;
      default: {
        const never: never = decision;
        throw new Error(`unknown decision ${String(never)}`);
      }
    }
  }
  return { kind: 'done' };
}

/** The escalation reason's name as stored, e.g. `CALLER_ASKED`. */
export const storedReason = (decision: EscalateDecision): string =>
  reasonName(decision.reason).toUpperCase();
