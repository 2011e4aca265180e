import type { EventSubscription } from '@warmline/bus';
import type { CallEvent } from '@warmline/contracts';
import type { CallStore } from '../calls/callStore';

/**
 * Forwards the events of the calls a session handles, each call's from its first event,
 * in order, once per call; a call's forwarding stops after its CallTerminated.
 */
export class CallEventForwarder {
  private readonly following = new Map<string, Promise<EventSubscription>>();

  constructor(
    private readonly store: CallStore,
    private readonly write: (event: CallEvent) => Promise<void>,
  ) {}

  /** Starts forwarding a call's events (no-op if already forwarding it). */
  follow(callId: string): Promise<void> {
    if (this.following.has(callId)) return Promise.resolve();
    const subscription = this.store.follow(callId, 1, async (stored) => {
      await this.write(stored.event).catch(() => undefined); // the session is going away
      if (stored.event.payload?.$case === 'terminated') {
        void subscription.then((running) => running.stop());
      }
    });
    this.following.set(callId, subscription);
    subscription.catch(() => this.following.delete(callId));
    return subscription.then(() => undefined);
  }

  /** Stops forwarding everything. */
  async stop(): Promise<void> {
    const all = [...this.following.values()];
    this.following.clear();
    await Promise.allSettled(all.map(async (pending) => (await pending).stop()));
  }
}
