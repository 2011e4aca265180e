import { randomBytes } from 'node:crypto';
import type { CalleeLegState } from './carrierLegControl';
import type { CalleeUpdate } from './calleeUpdate';

/**
 * A call's callee leg and the caller's way back: the leg being placed or
 * bridged, and the one-time token a stream returning after a carrier transfer
 * must present (kept until used, or dropped when the stream never left).
 */
export class TransferState {
  private current: CalleeLegState | undefined;
  private token: string | undefined;
  private deadline: NodeJS.Timeout | undefined;

  /** The callee leg, while one is placed or bridged. */
  get leg(): CalleeLegState | undefined {
    return this.current;
  }

  /** The token a returning stream must present, while a transfer may have taken the stream. */
  get resumeToken(): string | undefined {
    return this.token;
  }

  /** A callee leg is about to be placed; returns the resume token for the way back. */
  begin(calleeLegId: string): string {
    this.current = { calleeLegId, answered: false };
    this.token = randomBytes(18).toString('base64url');
    return this.token;
  }

  /** Forgets the leg (placing failed or it was cancelled); with the stream still there nothing will come back. */
  end(calleeLegId: string, streamAttached: boolean): void {
    if (this.current?.calleeLegId !== calleeLegId) return;
    this.current = undefined;
    if (streamAttached) this.token = undefined;
  }

  /** Applies a carrier update about the current leg; false when it is about another (stale) leg. */
  update(update: CalleeUpdate): boolean {
    const leg = this.current;
    if (!leg || leg.calleeLegId !== update.calleeLegId) return false;
    this.current =
      update.progress.kind === 'failed'
        ? undefined
        : {
            ...leg,
            answered: leg.answered || update.progress.kind === 'answered',
            carrierLegId: update.carrierLegId ?? leg.carrierLegId,
          };
    return true;
  }

  /** The stream came back: the token is spent and the leg forgotten. */
  resumed(): void {
    this.current = undefined;
    this.token = undefined;
    this.clearDeadline();
  }

  /** Calls `expire` unless the stream comes back within `ms`. */
  awaitReturn(ms: number, expire: () => void): void {
    this.clearDeadline();
    this.deadline = setTimeout(expire, ms);
  }

  /** Cancels the return deadline (the call ended). */
  clearDeadline(): void {
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = undefined;
  }
}
