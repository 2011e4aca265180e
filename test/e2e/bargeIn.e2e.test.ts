import { Speaker } from '@warmline/contracts';
import { contextWhen, payloadOf, useStack } from './support';

describe('barge-in through the whole stack', () => {
  const env = useStack();

  it('the caller speaks over the agent: its audio stops (the recording shows the clear) and the context keeps only what the caller heard', async () => {
    const { stack } = env();
    const call = await env().call();
    await call.greeted();
    const question = await call.say('What plans do you offer?', { waitForPlayback: false });
    expect(question.reply?.intentId).toBe('plans');
    const reply = question.reply!;
    // let the caller hear about two seconds of the answer, then talk over it
    const leg = call.phone.current!;
    const before = leg.heardFrames.length;
    await call.phone.waitUntil(
      () => leg.heardFrames.length - before >= 100,
      20_000,
      'two seconds of the answer',
    );
    expect(leg.clears).toEqual([]);
    await call.speak('I want to speak to a human please.');
    await call.waitForCase('conversation', 'bargedIn', 20_000);
    const played = await call.played(reply.utteranceId, 30_000);
    expect(played.interrupted).toBe(true);
    expect(played.playedMs).toBeGreaterThanOrEqual(1_500);
    expect(played.playedMs).toBeLessThanOrEqual(played.totalMs); // total: what tts made before the cancel
    expect(reply.text.startsWith(played.heardText)).toBe(true);
    expect(played.heardText.length).toBeGreaterThan(0);
    expect(played.heardText.length).toBeLessThan(reply.text.length / 2);
    // the carrier was told to drop what it had buffered, and the gateway stopped at once
    expect(leg.clears.length).toBeGreaterThanOrEqual(1);
    const bargedIn = call.events().find((e) => payloadOf(e, 'conversation', 'bargedIn'));
    expect(payloadOf(bargedIn!, 'conversation', 'bargedIn')).toMatchObject({
      utteranceId: reply.utteranceId,
    });
    await call.hangUp();
    await call.waitForCase('call', 'terminated');
    const context = await contextWhen(stack.contextStore!.grpcAddress, call.callId, (c) =>
      c.turns.some((t) => t.text === reply.text && t.interrupted),
    );
    const turn = context.turns.find(
      (t) => t.speaker === Speaker.SPEAKER_AGENT && t.text === reply.text,
    );
    expect(turn).toMatchObject({ interrupted: true, heardText: played.heardText });
  });
});
