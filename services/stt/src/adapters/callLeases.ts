import { type Bus, bytesCodec, ConcurrencyError, publishToStream } from '@warmline/bus';
import { subjectToken } from '@warmline/contracts';

/**
 * The JetStream stream that holds stt's per-call leases. Not in
 * @warmline/contracts' topology yet because it needs a per-message age limit
 * (`max_age`), which the shared topology does not express.
 */
export const LEASE_STREAM = 'STT_LEASES';
/** Lease subjects: one per call. TODO: move to `subjects` in @warmline/contracts. */
export const leaseSubject = (callId: string): string => `lease.stt.${subjectToken(callId)}`;
const LEASE_SUBJECTS = 'lease.stt.*';

/**
 * Per-call ownership among stt replicas: a call's lease is the only message
 * on its subject in a stream whose messages expire after `ttlMs`. Taking it
 * is a publish that expects the subject to be empty; renewing expects our own
 * last sequence; so two replicas never own one call, and when an owner dies
 * its leases expire and another replica takes the call within `ttlMs` plus
 * one frame.
 */
export class CallLeases {
  private readonly held = new Map<string, number>();
  private writes = 0;

  constructor(
    private readonly bus: Bus,
    private readonly replicaId: string,
    private readonly ttlMs: number,
  ) {}

  /** Creates (or updates) the lease stream. */
  async ensureStream(): Promise<void> {
    const config = {
      name: LEASE_STREAM,
      subjects: [LEASE_SUBJECTS],
      description: 'stt per-call leases (one message per call, expiring)',
      max_msgs_per_subject: 1,
      max_age: this.ttlMs * 1_000_000,
      duplicate_window: this.ttlMs * 1_000_000, // may not exceed max_age
      allow_direct: true,
    };
    try {
      await this.bus.jsm.streams.add(config);
    } catch {
      await this.bus.jsm.streams.update(LEASE_STREAM, config);
    }
  }

  /** Calls this replica holds. */
  get calls(): readonly string[] {
    return [...this.held.keys()];
  }

  /** Takes the call if nobody holds it; true when this replica now owns it. */
  async acquire(callId: string): Promise<boolean> {
    return this.write(callId, 0);
  }

  /** Extends a held lease; false when it was lost (expired and taken, or never held). */
  async renew(callId: string): Promise<boolean> {
    const sequence = this.held.get(callId);
    if (sequence === undefined) return false;
    const renewed = await this.write(callId, sequence);
    if (!renewed) this.held.delete(callId);
    return renewed;
  }

  /** Gives a call up so another replica can take it at once. */
  async release(callId: string): Promise<void> {
    if (!this.held.delete(callId)) return;
    await this.bus.jsm.streams.purge(LEASE_STREAM, { filter: leaseSubject(callId) });
  }

  /** Forgets every lease without releasing it (what a crash does; for tests). */
  abandon(): void {
    this.held.clear();
  }

  private async write(callId: string, expected: number): Promise<boolean> {
    try {
      const ack = await publishToStream(
        this.bus,
        leaseSubject(callId),
        bytesCodec,
        Buffer.from(this.replicaId),
        {
          msgId: `${this.replicaId}:${callId}:${expected}:${++this.writes}`,
          expectedLastSubjectSequence: expected,
        },
      );
      this.held.set(callId, ack.seq);
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }
}
