import type { CallLeases } from './callLeases';
import type { CallSession } from './callSession';

/** How the router creates sessions and learns about lost ones. */
export interface CallRouterDeps {
  readonly leases: CallLeases;
  readonly createSession: (callId: string) => CallSession;
  readonly onSessionClosed?: (callId: string, reason: 'idle' | 'lease-lost' | 'stopped') => void;
  readonly now: () => number;
  /** Calls this replica serves at most (its share of the load). */
  readonly maxCalls: number;
  /** Wait between two attempts at taking the same call. */
  readonly retryMs: number;
  /** A call with no frames for this long is let go (it ended, or moved). */
  readonly idleMs: number;
}

/**
 * Which calls this replica serves: a frame for a call it does not own makes
 * it try the call's lease (at most once per `retryMs` per call, and only
 * below `maxCalls`); owned calls get their frames. Leases are renewed by
 * {@link CallRouter.renew}; a call whose lease is lost, or that went idle, is
 * closed. Memory: the sessions plus one timestamp per call recently tried.
 */
export class CallRouter {
  private readonly sessions = new Map<string, CallSession>();
  private readonly tried = new Map<string, number>();
  private readonly acquiring = new Set<string>();

  constructor(private readonly deps: CallRouterDeps) {}

  /** The session for `callId` if this replica owns it; starts taking the call otherwise. */
  sessionFor(callId: string): CallSession | undefined {
    const session = this.sessions.get(callId);
    if (session || this.acquiring.has(callId) || this.sessions.size >= this.deps.maxCalls)
      return session;
    const now = this.deps.now();
    if (now - (this.tried.get(callId) ?? -Infinity) < this.deps.retryMs) return undefined;
    this.tried.set(callId, now);
    this.acquiring.add(callId);
    void this.deps.leases
      .acquire(callId)
      .then(
        (won) => {
          if (won) this.sessions.set(callId, this.deps.createSession(callId));
        },
        () => undefined,
      )
      .finally(() => this.acquiring.delete(callId));
    return undefined;
  }

  /** Calls owned now. */
  get owned(): readonly string[] {
    return [...this.sessions.keys()];
  }

  /** Renews every lease, closes lost and idle calls, forgets old attempts. */
  async renew(): Promise<void> {
    const now = this.deps.now();
    for (const [callId, at] of this.tried)
      if (now - at > 10 * this.deps.retryMs) this.tried.delete(callId);
    for (const [callId, session] of [...this.sessions]) {
      if (now - session.lastFrameAt > this.deps.idleMs) {
        await this.close(callId, 'idle');
        await this.deps.leases.release(callId);
      } else if (!(await this.deps.leases.renew(callId).catch(() => false))) {
        await this.close(callId, 'lease-lost');
      }
    }
  }

  /** Closes every session and releases its lease. */
  async stop(release = true): Promise<void> {
    for (const callId of [...this.sessions.keys()]) {
      await this.close(callId, 'stopped');
      if (release) await this.deps.leases.release(callId).catch(() => undefined);
    }
  }

  private async close(callId: string, reason: 'idle' | 'lease-lost' | 'stopped'): Promise<void> {
    const session = this.sessions.get(callId);
    this.sessions.delete(callId);
    await session?.close();
    this.deps.onSessionClosed?.(callId, reason);
  }
}
