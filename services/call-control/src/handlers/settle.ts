import { type Disposition, isConcurrencyError } from '@warmline/bus';
import { WarmlineAttributes } from '@warmline/telemetry';
import type { CallDeps } from '../calls/callDeps';
import type { AppliedDecision } from '../calls/decideAndAppend';

/** Retry soon after losing a race with another writer of the same call. */
const CONFLICT_RETRY_MS = 50;

/**
 * How a JetStream input (saga command, gateway signal, ring timer) is settled: acked when
 * applied (or a repeat), terminated after logging when the call refused it (a rejection is
 * final: the same input would be refused again). Thrown errors are left to the consumer,
 * which retries the retryable ones with backoff and terminates the rest.
 */
export function settleApplied(
  deps: CallDeps,
  callId: string,
  what: string,
  applied: AppliedDecision,
): Disposition {
  const { decision } = applied;
  if (decision.ok) return 'ack';
  deps.log.warn(
    {
      [WarmlineAttributes.CALL_ID]: callId,
      input: what,
      errorCode: decision.error.code,
      error: decision.error.message,
    },
    'call refused an input',
  );
  return 'term';
}

/** Runs a JetStream input; a lost concurrency race is retried soon (nak), not terminated. */
export async function settleInput(run: () => Promise<Disposition>): Promise<Disposition> {
  try {
    return await run();
  } catch (error) {
    if (isConcurrencyError(error)) return { nak: CONFLICT_RETRY_MS };
    throw error;
  }
}
