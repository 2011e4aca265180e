import type { DecisionProvider } from '../providers/decisionProvider';
import { contextFor } from '../testSupport/decisionContexts';
import { decideWithinDeadline } from './withDeadline';

describe('decideWithinDeadline', () => {
  it('returns the decision of a provider that answers in time', async () => {
    const quick: DecisionProvider = {
      name: 'quick',
      decide: async () => ({ kind: 'reply', text: 'ok' }),
    };
    await expect(decideWithinDeadline(quick, contextFor('hi'), 1_000)).resolves.toEqual({
      kind: 'reply',
      text: 'ok',
    });
  });

  it('aborts a provider that does not answer and rejects with a timeout error', async () => {
    let signalSeen: AbortSignal | undefined;
    const hanging: DecisionProvider = {
      name: 'hanging',
      decide: (_context, signal) => {
        signalSeen = signal;
        return new Promise(() => undefined); // ignores the signal entirely
      },
    };
    const error = await decideWithinDeadline(hanging, contextFor('hi'), 20).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'ProviderError', code: 'timeout', provider: 'hanging' });
    expect(signalSeen?.aborted).toBe(true);
    expect(signalSeen?.reason).toBe(error);
  });

  it('wraps anything a provider throws as a ProviderError', async () => {
    const broken: DecisionProvider = {
      name: 'broken',
      decide: async () => {
        throw new TypeError('bug');
      },
    };
    const error = await decideWithinDeadline(broken, contextFor('hi'), 1_000).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'ProviderError', code: 'failed', provider: 'broken' });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });
});
