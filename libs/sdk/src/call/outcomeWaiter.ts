import type { CallNotice } from '../events/eventDetails';
import type { CallError } from '../errors/callErrors';

/** How a command that completes later (answer, connect) turned out. */
export type Outcome =
  { readonly kind: 'ok' } | { readonly kind: 'failed'; readonly error: CallError };

/** Reads a call event as a command's outcome, or `undefined` when it is not one. */
export type OutcomeSelector = (notice: CallNotice) => Outcome | undefined;

/**
 * Watches a call's events for a command's outcome. It is created before the command is sent,
 * because the outcome event may arrive on the session before the command's own reply.
 */
export class OutcomeWaiter {
  private outcome: Outcome | undefined;
  private settle: ((outcome: Outcome) => void) | undefined;

  constructor(private readonly select: OutcomeSelector) {}

  /** Offers one call event. */
  offer(notice: CallNotice): void {
    if (this.outcome) return;
    const outcome = this.select(notice);
    if (!outcome) return;
    this.outcome = outcome;
    this.settle?.(outcome);
  }

  /** The outcome, waiting up to `timeoutMs` for it; `undefined` when it did not come in time. */
  async wait(timeoutMs: number): Promise<Outcome | undefined> {
    if (this.outcome) return this.outcome;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<Outcome | undefined>((resolve) => {
        this.settle = resolve;
        timer = setTimeout(() => resolve(undefined), Math.max(0, timeoutMs));
      });
    } finally {
      clearTimeout(timer);
      this.settle = undefined;
    }
  }
}
