import { type ConsumeContext, type Disposition, isConcurrencyError } from '@warmline/bus';
import { aggregateIdOf } from '@warmline/contracts';
import type { CallStreamPort } from '../runner/ports';
import type { Runner, Work } from '../runner/runner';
import { UnroutableInputError } from '../runner/runnerErrors';

/** What the handlers need. */
export interface HandlerDeps {
  readonly runner: Runner;
  /** To find the caller's number when an escalation starts. */
  readonly callStream: CallStreamPort;
  /** Wall-clock ms: the time every decision is made at (decide never reads a clock). */
  readonly clock: () => number;
}

/** Retry soon after losing a race with another replica writing the same saga. */
const CONFLICT_RETRY_MS = 50;

/** The call an input is for: the last token of its subject (`evt.<context>.<callId>`). */
export const callIdOf = (ctx: ConsumeContext): string => {
  const callId = aggregateIdOf(ctx.subject);
  if (callId === '') throw new UnroutableInputError(ctx.subject);
  return callId;
};

/**
 * Runs the work a message asks for and settles it: ack when done (or when there is nothing to do),
 * a quick nak after a lost concurrency race. Other errors are left to the consumer, which retries
 * the retryable ones with backoff and terminates the rest.
 */
export const runWork = async (
  deps: HandlerDeps,
  callId: string,
  work: readonly Work[],
  ctx: ConsumeContext,
): Promise<Disposition> => {
  if (work.length === 0) return 'ack';
  try {
    await deps.runner.run(callId, work, ctx.deliveryCount > 1);
    return 'ack';
  } catch (error) {
    if (isConcurrencyError(error)) return { nak: CONFLICT_RETRY_MS };
    throw error;
  }
};
