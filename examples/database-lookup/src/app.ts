import { type SpeechSynthesizer, handOff, isHangUp } from '@warmline/example-kit';
import { type ActiveCall, type WarmlineClient, type WarmlineLogger, events } from '@warmline/sdk';
import { type ReceptionStore, UNANSWERED_LINE, routeFor } from './domain/reception';

/** What {@link runReception} needs. */
export interface ReceptionDeps {
  readonly client: WarmlineClient;
  readonly synthesizer: SpeechSynthesizer;
  readonly store: ReceptionStore;
  readonly ringTimeSeconds?: number;
  readonly clock?: () => Date;
  readonly logger?: WarmlineLogger;
}

/** How a call ended. */
export type ReceptionOutcome =
  | { readonly kind: 'connected' | 'unanswered'; readonly queue: string; readonly known: boolean }
  | { readonly kind: 'hung-up' };

/**
 * One call: answer, look the caller up by number (or record them as a lead), greet them by name,
 * then hand off to the right queue with `connect()` (the queue and who is calling travel as
 * handoff data) and `close()`. If nobody answers: apologise and disconnect.
 */
export async function handleCall(call: ActiveCall, deps: ReceptionDeps): Promise<ReceptionOutcome> {
  try {
    await call.answer();
    const contact = await deps.store.findContact(call.callerNumber);
    const route = contact
      ? routeFor({ contact })
      : routeFor({
          lead: await deps.store.recordLead(
            call.callerNumber,
            (deps.clock ?? (() => new Date()))(),
          ),
        });
    const result = await handOff(call, deps.synthesizer, {
      line: route.greeting,
      unansweredLine: UNANSWERED_LINE,
      ringTimeSeconds: deps.ringTimeSeconds,
      handoffData: route.handoffData,
    });
    return { kind: result, queue: route.queue, known: Boolean(contact) };
  } catch (error) {
    if (isHangUp(error, call)) return { kind: 'hung-up' };
    throw error;
  }
}

/** Registers the reception handler on `deps.client`; returns a function that removes it. */
export function runReception(deps: ReceptionDeps): () => void {
  const onCall = async (call: ActiveCall): Promise<void> => {
    try {
      const outcome = await handleCall(call, deps);
      deps.logger?.info('reception call handled', { callId: call.callId, outcome: outcome.kind });
    } catch (error) {
      deps.logger?.error('reception call failed', { callId: call.callId, error: String(error) });
      if (call.state !== 'DISCONNECTED') await call.disconnect().catch(() => undefined);
    }
  };
  deps.client.on(events.INCOMING_CALL, onCall);
  return () => void deps.client.off(events.INCOMING_CALL, onCall);
}
