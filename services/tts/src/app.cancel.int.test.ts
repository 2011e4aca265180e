import { type Bus, protoCodec, publish } from '@warmline/bus';
import { CancelSpeech, subjects } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { childProcesses } from './testSupport/childProcesses';
import { type Replica, useTts } from './testSupport/ttsHarness';

const LONG_REPLY = Array.from(
  { length: 8 },
  (_, i) =>
    `This is sentence number ${i + 1} of a long reply that the caller is about to interrupt.`,
).join(' ');

describe('tts service: barge-in', () => {
  const tts = useTts();
  let client: Bus;
  let replica: Replica;
  beforeAll(async () => {
    replica = await tts.start();
    client = await tts.connect('client');
  });

  const cancel = async (callId: string, utteranceId = '') => {
    publish(client, subjects.cancelSpeech(callId), protoCodec(CancelSpeech), {
      callId,
      utteranceId,
    });
    await client.nc.flush();
  };
  const settled = () => waitFor(async () => ((await tts.queued(client)) === 0 ? true : undefined));

  it('stops publishing an utterance at once on CancelSpeech, acks it, and kills the engine', async () => {
    const { logs } = replica;
    const frames = tts.listen(client, 'call-x');
    const reply = await tts.speak(client, { callId: 'call-x', text: LONG_REPLY });
    await frames.atLeast(reply.utteranceId, 75); // past the first second sent at once: now paced
    const beforeCancel = frames.of(reply.utteranceId).length;
    await cancel('call-x', reply.utteranceId);
    await settled(); // the request was acked
    // The next utterance of the call is published after the cancel took effect (same connection):
    const next = await tts.speak(client, { callId: 'call-x', text: 'Sorry, go ahead.' });
    await frames.ended(next.utteranceId);
    const spoken = frames.of(reply.utteranceId);
    const afterCancel = spoken.length - beforeCancel;
    expect(afterCancel).toBeLessThanOrEqual(6); // on their way when it was sent: at most two pacing batches
    const handled = logs.find(
      (l) => l.msg === 'speech cancel received' && l['warmline.call.id'] === 'call-x',
    );
    expect(typeof handled?.time).toBe('number');
    const publishedAfter = spoken.filter((f) => f.ingressAtMs > Number(handled?.time));
    expect(publishedAfter).toEqual([]); // nothing published once the cancel was handled
    expect(spoken.some((f) => f.endOfUtterance)).toBe(false);
    expect(spoken.length).toBeLessThan(200); // the whole reply is over 20 s: 1 000+ frames
    const order = frames.received.map((r) => r.frame.utteranceId);
    expect(order.lastIndexOf(reply.utteranceId)).toBeLessThan(order.indexOf(next.utteranceId));
    expect(childProcesses('flite')).toEqual([]);
    frames.stop();
  });

  it('drops everything the call has on a cancel without an utterance id: the reply and what queued behind it', async () => {
    const frames = tts.listen(client, 'call-y');
    const reply = await tts.speak(client, { callId: 'call-y', text: LONG_REPLY });
    const queued = await tts.speak(client, { callId: 'call-y', text: 'And one more thing.' });
    await frames.atLeast(reply.utteranceId, 10);
    await cancel('call-y');
    await settled();
    expect(frames.of(queued.utteranceId)).toEqual([]);
    expect(frames.of(reply.utteranceId).some((f) => f.endOfUtterance)).toBe(false);
    frames.stop();
  });

  it('does not speak an utterance whose cancel arrived before its request', async () => {
    const frames = tts.listen(client, 'call-z');
    await cancel('call-z', 'utt-early');
    await tts.speak(client, {
      callId: 'call-z',
      utteranceId: 'utt-early',
      text: 'Too late for this.',
    });
    await settled();
    const after = await tts.speak(client, { callId: 'call-z', text: 'But this one is fine.' });
    await frames.ended(after.utteranceId);
    expect(frames.of('utt-early')).toEqual([]);
    frames.stop();
  });
});
