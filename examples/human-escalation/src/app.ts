import { isHangUp, sendLine } from '@warmline/example-kit';
import { type ActiveCall, briefCallee, events } from '@warmline/sdk';
import { converse, storedReason } from './converse';
import { escalationBriefing } from './domain/escalationBriefing';
import type { ConversationTurn } from './escalationContext';
import type { HumanEscalationDeps } from './escalationDeps';

export type { HumanEscalationDeps } from './escalationDeps';

/**
 * The seed's flow for one call: answer, converse keeping a running summary; on escalation save
 * the context keyed by call id, say the transition line, `connect()`, whisper a briefing to the
 * callee (`briefCallee`, unless `deps.briefing` is false), which then `close()`s; otherwise
 * `disconnect()`. A caller hanging up at any point ends it quietly.
 */
export async function handleCall(call: ActiveCall, deps: HumanEscalationDeps): Promise<void> {
  try {
    await call.answer();
    const summary: ConversationTurn[] = [];
    const end = await converse(call, deps, summary);
    if (end.kind === 'escalate') {
      const reason = storedReason(end.decision);
      await deps.contextStore.save({
        callId: call.callId,
        callerNumber: call.callerNumber,
        calleeNumber: call.calleeNumber,
        connectorId: call.connectorId,
        reason,
        detail: end.decision.detail,
        turns: summary,
        savedAt: new Date(),
      });
      await sendLine(call, deps.synthesizer, end.decision.replyText);
      await call.connect({ ringTimeSeconds: deps.ringTimeSeconds ?? 40 });
      await briefCallee(call, escalationBriefing(reason, summary), {
        speak: (text) => deps.synthesizer.synthesize(text),
        enabled: deps.briefing ?? true,
      });
    } else if (call.state !== 'DISCONNECTED') {
      await call.disconnect();
    }
  } catch (error) {
    if (isHangUp(error, call)) return; // the caller hung up meanwhile
    throw error;
  }
}

/**
 * Registers the human-escalation handler for `INCOMING_CALL` on `deps.client`. Call it before
 * `client.ready()` / `runForever()`. Returns a function that unregisters it.
 */
export function runHumanEscalation(deps: HumanEscalationDeps): () => void {
  const onCall = async (call: ActiveCall): Promise<void> => {
    try {
      await handleCall(call, deps);
    } catch (error) {
      deps.logger?.error('human escalation failed', { callId: call.callId, error: String(error) });
      if (call.state !== 'DISCONNECTED') await call.disconnect().catch(() => undefined);
    }
  };
  deps.client.on(events.INCOMING_CALL, onCall);
  return () => void deps.client.off(events.INCOMING_CALL, onCall);
}
