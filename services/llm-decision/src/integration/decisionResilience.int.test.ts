import { EscalationReason } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { ProviderError } from '../domain/decision/decisionErrors';
import type { DecisionProvider } from '../providers/decisionProvider';
import { exampleProfile } from '../testSupport/decisionContexts';
import { useDecisionBus } from '../testSupport/decisionHarness';
import { escalationsIn, repliesIn, transcribed } from '../testSupport/conversationEvents';

/** A model that never answers; `aborted` resolves with the abort reason when it is given up on. */
const hangingModel = () => {
  let onAbort: (reason: unknown) => void = () => undefined;
  const aborted = new Promise<unknown>((resolve) => (onAbort = resolve));
  const provider: DecisionProvider = {
    name: 'hanging-model',
    decide: (_context, signal) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          onAbort(signal.reason);
          reject(signal.reason as Error);
        });
      }),
  };
  return { provider, aborted };
};

/** A model that always fails at once. */
const failingModel: DecisionProvider = {
  name: 'failing-model',
  decide: async () => {
    throw new ProviderError('failing-model', 'http', 'responded with status 503', { status: 503 });
  },
};

describe('llm-decision when the provider is slow or failing', () => {
  const nats = useDecisionBus();

  it('falls back to the local policy within the deadline when the provider hangs', async () => {
    const model = hangingModel();
    await nats.startApp({ provider: model.provider, config: { deadlineMs: 300 } });
    const bus = await nats.connect();
    await nats.publish(bus, transcribed('call-slow', 'turn-1', 'what are your hours'));

    const stored = await waitFor(async () => {
      const events = await nats.conversation(bus, 'call-slow');
      return events.length >= 2 ? events : undefined;
    });
    const [reply] = repliesIn(stored.map((s) => s.event));
    expect(reply).toMatchObject({ fallback: true, provider: 'local-policy', intentId: 'hours' });
    expect(await model.aborted).toMatchObject({ name: 'ProviderError', code: 'timeout' });
    await nats.settled(bus);
    expect(await nats.speakRequests(bus, 'call-slow')).toHaveLength(1);
  });

  it('keeps the failure count across a restart and escalates with REPEATED_FAILURE', async () => {
    const config = { fallback: { mode: 'policy' as const, maxConsecutiveFailures: 3 } };
    const first = await nats.startApp({ provider: failingModel, config });
    const bus = await nats.connect();
    const questions = ['what are your hours', 'is there a data cap', 'how can I pay my bill'];
    for (const [index, text] of questions.slice(0, 2).entries()) {
      await nats.publish(bus, transcribed('call-restart', `turn-${index + 1}`, text));
    }
    await nats.settled(bus);
    expect(repliesIn((await nats.conversation(bus, 'call-restart')).map((s) => s.event))).toEqual([
      expect.objectContaining({ fallback: true, provider: 'local-policy' }),
      expect.objectContaining({ fallback: true, provider: 'local-policy' }),
    ]);

    // A new instance (new process memory, same durable) continues the conversation.
    await nats.stopApp(first);
    await nats.startApp({ provider: failingModel, config });
    await nats.publish(bus, transcribed('call-restart', 'turn-3', questions[2] ?? ''));
    const events = await waitFor(async () => {
      const stored = (await nats.conversation(bus, 'call-restart')).map((s) => s.event);
      return escalationsIn(stored).length > 0 ? stored : undefined;
    });
    expect(escalationsIn(events)).toEqual([
      expect.objectContaining({
        reason: EscalationReason.ESCALATION_REASON_REPEATED_FAILURE,
        destinationId: 'acme-support-desk',
        turnId: 'turn-3',
      }),
    ]);
    expect(repliesIn(events)[2]).toMatchObject({
      fallback: true,
      provider: 'failure-limit',
      text: exampleProfile.lines.transition,
    });
    await nats.settled(bus);
    expect(await nats.speakRequests(bus, 'call-restart')).toHaveLength(2);
  });
});
