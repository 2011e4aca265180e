import { pcmToBytes, sine } from '@warmline/audio';
import { Party, TerminationReason } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { answeredCall } from '../testSupport/sdkCall';
import type { TestMedia } from '../testSupport/sdkTestClient';
import { useCallControl } from '../testSupport/useCallControl';

const BUFFER_MS = 400;
const cc = useCallControl({ mediaBufferMs: BUFFER_MS });
const TARGET_BYTES = (16_000 * 2 * BUFFER_MS) / 1000;

const pullsOf = (media: TestMedia): number[] =>
  media.received.flatMap((m) => (m.message?.$case === 'pull' ? [m.message.value.bytes] : []));

/** A client that sends exactly what each pull asks for, from `audio`, until it runs out. */
function feed(media: TestMedia, audio: Uint8Array): { sent(): number; stop(): void } {
  let sent = 0;
  let answered = 0;
  const timer = setInterval(() => {
    const pulls = pullsOf(media);
    for (; answered < pulls.length; answered += 1) {
      const bytes = Math.min(pulls[answered] ?? 0, audio.length - sent);
      if (bytes === 0) continue;
      media.send({
        message: {
          $case: 'audio',
          value: { pcm: Buffer.from(audio.subarray(sent, sent + bytes)) },
        },
      });
      sent += bytes;
    }
  }, 5);
  return { sent: () => sent, stop: () => clearInterval(timer) };
}

describe('agent audio flow control', () => {
  it('the platform pulls only what its bounded buffer can hold, and refills as audio plays', async () => {
    const client = cc.client();
    const callId = await answeredCall(cc, client);
    const capture = cc.gateway.captureAgentAudio(callId);
    const media = client.openMedia(callId, 16_000);
    const audio = pcmToBytes(sine({ rate: 16_000, hz: 700, durationMs: 2_000 }));
    const feeder = feed(media, audio);

    const frames = await waitFor(
      () => (capture.frames.length >= 100 ? capture.frames : undefined),
      {
        timeoutMs: 15_000,
      },
    );
    feeder.stop();
    const pulls = pullsOf(media);
    expect(feeder.sent()).toBe(audio.length);
    expect(Math.max(...pulls)).toBeLessThanOrEqual(TARGET_BYTES);
    expect(pulls.length).toBeGreaterThan(4); // refilled as it played, not all at once
    // Once all audio has played the buffer is empty and at most a buffer's worth is pulled ahead.
    await waitFor(() =>
      pullsOf(media).reduce((a, b) => a + b, 0) - audio.length >= TARGET_BYTES * 0.75
        ? true
        : undefined,
    );
    const outstanding = pullsOf(media).reduce((a, b) => a + b, 0) - audio.length;
    expect(outstanding).toBeLessThanOrEqual(TARGET_BYTES);
    expect(frames.map((frame) => frame.sequence)).toEqual(frames.map((_f, index) => index));
    expect(frames.at(-1)?.endOfUtterance).toBe(true);
    capture.stop();
    media.end();
  });

  it('clear drops the buffer, tells the gateway, and reports the bytes dropped', async () => {
    const client = cc.client();
    const callId = await answeredCall(cc, client);
    const capture = cc.gateway.captureAgentAudio(callId);
    const control = cc.gateway.captureControl(callId);
    const media = client.openMedia(callId, 16_000);
    const pulled = await media.next((m) =>
      m.message?.$case === 'pull' ? m.message.value.bytes : undefined,
    );
    const speech = pcmToBytes(sine({ rate: 16_000, hz: 500, durationMs: BUFFER_MS }));
    media.send({
      message: { $case: 'audio', value: { pcm: Buffer.from(speech.subarray(0, pulled)) } },
    });
    await waitFor(() => (capture.frames.length >= 1 ? true : undefined));
    media.send({ message: { $case: 'clear', value: {} } });

    const cleared = await media.next((m) =>
      m.message?.$case === 'cleared' ? m.message.value : undefined,
    );
    expect(cleared.bytesDropped).toBeGreaterThan(0);
    expect(cleared.bytesDropped).toBeLessThan(pulled);
    await waitFor(() => (control.messages.length === 1 ? true : undefined));
    expect(control.messages[0]).toMatchObject({ callId, action: { $case: 'clear' } });

    // What follows the clear is a new utterance.
    const before = capture.frames.length;
    const next = await media.next((m) =>
      m.message?.$case === 'pull' && pullsOf(media).length > 1 ? m.message.value.bytes : undefined,
    );
    media.send({
      message: {
        $case: 'audio',
        value: { pcm: Buffer.from(speech.subarray(0, Math.min(next, 3_200))) },
      },
    });
    await waitFor(() => (capture.frames.length > before ? true : undefined));
    expect(capture.frames.at(-1)?.utteranceId).not.toBe(capture.frames[0]?.utteranceId);
    capture.stop();
    control.stop();
    media.end();
  });

  it('the media stream ends with MediaEnd when the caller hangs up', async () => {
    const client = cc.client();
    const callId = await answeredCall(cc, client);
    const media = client.openMedia(callId, 8_000);
    await media.next((m) => (m.message?.$case === 'pull' ? true : undefined));
    await cc.gateway.signal(callId, { $case: 'partyHungUp', value: { party: Party.PARTY_CALLER } });
    const end = await media.next((m) => (m.message?.$case === 'end' ? m.message.value : undefined));
    expect(end.reason).toBe(TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP);
    expect((await media.ended()).code).toBe(0);
  });
});
