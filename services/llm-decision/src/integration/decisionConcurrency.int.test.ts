import { waitFor } from '@warmline/testing';
import type { DecisionProvider } from '../providers/decisionProvider';
import { repliesIn, transcribed } from '../testSupport/conversationEvents';
import { useDecisionBus } from '../testSupport/decisionHarness';

/**
 * A model that answers only once `parties` decisions are in flight at the same time (or gives
 * up when aborted): it answers without fallback only if the service decides turns in parallel.
 */
const rendezvousModel = (parties: number) => {
  const seen: string[] = [];
  let release: () => void = () => undefined;
  const everyoneHere = new Promise<void>((resolve) => (release = resolve));
  const provider: DecisionProvider = {
    name: 'rendezvous-model',
    decide: async (context, signal) => {
      seen.push(context.turn.text);
      if (seen.length >= parties) release();
      await new Promise<void>((resolve, reject) => {
        void everyoneHere.then(resolve);
        signal.addEventListener('abort', () => reject(signal.reason as Error));
      });
      return { kind: 'reply', text: `About "${context.turn.text}".` };
    },
  };
  return { provider, seen };
};

/** A model that records the order in which it is asked. */
const recordingModel = () => {
  const asked: string[] = [];
  const provider: DecisionProvider = {
    name: 'recording-model',
    decide: async (context) => {
      asked.push(context.turn.text);
      return { kind: 'reply', text: 'Noted.' };
    },
  };
  return { provider, asked };
};

describe('llm-decision under load', () => {
  const nats = useDecisionBus();

  it('decides turns of different calls in parallel', async () => {
    const model = rendezvousModel(3);
    await nats.startApp({
      provider: model.provider,
      config: { deadlineMs: 10_000, concurrency: 4 },
    });
    const bus = await nats.connect();
    for (const callId of ['call-a', 'call-b', 'call-c']) {
      await nats.publish(bus, transcribed(callId, 'turn-1', `question from ${callId}`));
    }
    await nats.settled(bus);
    for (const callId of ['call-a', 'call-b', 'call-c']) {
      const [reply] = repliesIn((await nats.conversation(bus, callId)).map((s) => s.event));
      expect(reply).toMatchObject({ fallback: false, provider: 'rendezvous-model' });
    }
  });

  it('decides the turns of one call one at a time, in order', async () => {
    const model = recordingModel();
    await nats.startApp({ provider: model.provider, config: { concurrency: 4 } });
    const bus = await nats.connect();
    const texts = ['first', 'second', 'third'];
    for (const [i, text] of texts.entries()) {
      await nats.publish(bus, transcribed('call-order', `turn-${i}`, text));
    }
    const replies = await waitFor(async () => {
      const found = repliesIn((await nats.conversation(bus, 'call-order')).map((s) => s.event));
      return found.length === 3 ? found : undefined;
    });
    expect(model.asked).toEqual(texts);
    expect(replies.map((r) => r.inReplyToTurnId)).toEqual(['turn-0', 'turn-1', 'turn-2']);
  });
});
