import type { CallCommand, CallEvent } from '@warmline/contracts';
import { type CommandOutcome, commandOutcome } from '../domain';
import type { CallStore, LoadedCall } from './callStore';

/** A command's outcome once it is known, or `timeout`. */
export type AwaitedOutcome = CommandOutcome | { readonly kind: 'timeout' };

/**
 * Waits until the call's events settle a command (the gateway answered, the callee
 * answered or failed, the ring window closed), following the stream from just after
 * `loaded`, or gives up after `timeoutMs`. Returns at once when already settled.
 */
export async function awaitOutcome(
  store: CallStore,
  callId: string,
  command: CallCommand,
  loaded: LoadedCall,
  timeoutMs: number,
): Promise<{ readonly outcome: AwaitedOutcome; readonly events: readonly CallEvent[] }> {
  const events = [...loaded.events];
  const now = commandOutcome(events, command);
  if (now.kind !== 'pending') return { outcome: now, events };
  let settle: (outcome: AwaitedOutcome) => void = () => undefined;
  const settled = new Promise<AwaitedOutcome>((resolve) => (settle = resolve));
  const subscription = await store.follow(callId, loaded.version + 1, (stored) => {
    events.push(stored.event);
    const outcome = commandOutcome(events, command);
    if (outcome.kind !== 'pending') settle(outcome);
  });
  const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
  try {
    return { outcome: await settled, events };
  } finally {
    clearTimeout(timer);
    await subscription.stop();
  }
}
