import { type ActiveCall, BufferClosedError, CallClosedError, events } from '@warmline/sdk';
import { converse, storedReason } from './converse';
import type { ConversationTurn } from './escalationContext';
import type { HumanEscalationDeps } from './escalationDeps';
import { sendLine } from './sendLine';

export type { HumanEscalationDeps } from './escalationDeps';

/**
 * The seed's flow for one call: answer, converse keeping a running summary; on escalation save
 * the context keyed by call id, say the transition line, `connect()` then `close()`; otherwise
 * `disconnect()`. A caller hanging up at any point ends it quietly.
 */
export async function handleCall(call: ActiveCall, deps: HumanEscalationDeps): Promise<void> {
  try {
    await call.answer();
    const summary: ConversationTurn[] = [];
    const end = await converse(call, deps, summary);
    if (end.kind === 'escalate') {
      await deps.contextStore.save({
        callId: call.callId,
        callerNumber: call.callerNumber,
        calleeNumber: call.calleeNumber,
        connectorId: call.connectorId,
        reason: storedReason(end.decision),
        detail: end.decision.detail,
        turns: summary,
        savedAt: new Date(),
      });
      await sendLine(call, deps.synthesizer, end.decision.replyText);
      await call.connect({ ringTimeSeconds: deps.ringTimeSeconds ?? 40 });
      await call.close();
    } else if (call.state !== 'DISCONNECTED') {
      await call.disconnect();
    }
  } catch (error) {
    const hungUp = error instanceof CallClosedError || error instanceof BufferClosedError;
    if (hungUp || call.state === 'DISCONNECTED') return; // the caller hung up meanwhile
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
