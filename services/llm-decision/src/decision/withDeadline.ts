import { ProviderError } from '../domain/decision/decisionErrors';
import type { Decision } from '../domain/engine/decision';
import type { DecisionContext, DecisionProvider } from '../providers/decisionProvider';

const asProviderError = (provider: string, error: unknown): ProviderError =>
  error instanceof ProviderError
    ? error
    : new ProviderError(provider, 'failed', 'the provider threw', { cause: error });

/**
 * Asks `provider` for a decision and gives up after `deadlineMs`: the provider's signal is
 * aborted with a `timeout` ProviderError and this rejects with it at once, even if the
 * provider ignores the signal, so no turn ever waits longer than the deadline for a provider.
 * Anything the provider throws is rejected as a ProviderError.
 */
export async function decideWithinDeadline(
  provider: DecisionProvider,
  context: DecisionContext,
  deadlineMs: number,
): Promise<Decision> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new ProviderError(
        provider.name,
        'timeout',
        `no decision within ${deadlineMs} ms`,
      );
      controller.abort(error);
      reject(error);
    }, deadlineMs);
  });
  try {
    return await Promise.race([provider.decide(context, controller.signal), expired]);
  } catch (error) {
    throw asProviderError(provider.name, error);
  } finally {
    clearTimeout(timer);
  }
}
