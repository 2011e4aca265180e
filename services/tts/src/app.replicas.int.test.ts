import type { Bus } from '@warmline/bus';
import { waitFor } from '@warmline/testing';
import { type Replica, useTts } from './testSupport/ttsHarness';

describe('tts service: several replicas share the calls', () => {
  const tts = useTts();
  let client: Bus;
  let replicas: Replica[];
  beforeAll(async () => {
    // One request in hand per replica, so the calls' requests must spread over both.
    replicas = [
      await tts.start({ settings: { maxInFlight: 1 } }),
      await tts.start({ settings: { maxInFlight: 1 } }),
    ];
    client = await tts.connect('client');
  });

  it('splits the requests, and still speaks each call’s utterances in order across replicas', async () => {
    const calls = ['call-r1', 'call-r2'];
    const listeners = calls.map((callId) => tts.listen(client, callId));
    const sent: { callId: string; utteranceId: string }[] = [];
    // call-r1's first reply is long: its second one reaches the other replica while it is spoken.
    const long =
      'This first reply is a good deal longer than the others, so that it is still playing.';
    for (let i = 1; i <= 3; i++) {
      for (const callId of calls) {
        const text = i === 1 && callId === 'call-r1' ? long : `Reply ${i} for this call.`;
        sent.push(await tts.speak(client, { callId, text }));
      }
    }
    await Promise.all(sent.map((s, i) => listeners[i % 2]!.ended(s.utteranceId)));
    await waitFor(async () => ((await tts.queued(client)) === 0 ? true : undefined));

    calls.forEach((callId, c) => {
      const expected = sent.filter((s) => s.callId === callId).map((s) => s.utteranceId);
      const heard = listeners[c]!.received.map((r) => r.frame.utteranceId);
      const runs = heard.filter((id, i) => i === 0 || heard[i - 1] !== id); // utterances as heard, in order
      expect(runs).toEqual(expected); // in order, never interleaved
    });
    const spokenBy = replicas.map((r) => r.logs.filter((l) => l.msg === 'utterance spoken').length);
    expect(spokenBy.every((n) => n > 0)).toBe(true);
    expect(spokenBy[0]! + spokenBy[1]!).toBe(6);
    const waits = replicas.flatMap((r) =>
      r.logs.filter((l) => l.msg === 'waiting for an earlier utterance of the call'),
    );
    expect(waits.length).toBeGreaterThan(0); // a replica held a request until another replica finished the earlier one
    listeners.forEach((l) => l.stop());
  });
});
