import { type Bus, bytesCodec, publishToStream } from '@warmline/bus';
import { streams, subjects } from '@warmline/contracts';
import { rmsDbfs, pcmFromBytes } from '@warmline/audio';
import { waitFor } from '@warmline/testing';
import { withSpan } from '@warmline/telemetry';
import { DEFAULT_SETTINGS } from './service/ttsSettings';
import { useTts } from './testSupport/ttsHarness';

describe('tts service: speaking', () => {
  const tts = useTts();
  let client: Bus;
  beforeAll(async () => {
    await tts.start();
    client = await tts.connect('client');
  });

  const settled = () => waitFor(async () => ((await tts.queued(client)) === 0 ? true : undefined));

  it('turns a SpeakRequest into ordered 20 ms frames on media.<callId>.out, the last one marked', async () => {
    const frames = tts.listen(client, 'call-a');
    const request = await tts.speak(client, {
      callId: 'call-a',
      text: 'Hello, thank you for calling. How can I help you today?',
      sampleRate: 16000,
    });
    await frames.ended(request.utteranceId);
    await settled(); // acked: the work queue is empty
    const out = frames.of(request.utteranceId);
    expect(out.map((f) => f.sequence)).toEqual(out.map((_, i) => i));
    expect(out.map((f) => f.timestampMs)).toEqual(out.map((_, i) => i * 20));
    expect(new Set(out.map((f) => f.pcm.length))).toEqual(new Set([640])); // 20 ms at 16 kHz, 16-bit
    expect(out.every((f) => f.callId === 'call-a' && f.sampleRate === 16000)).toBe(true);
    expect(out.filter((f) => f.endOfUtterance)).toEqual([out.at(-1)]);
    const speech = pcmFromBytes(Buffer.concat(out.map((f) => f.pcm)));
    expect(rmsDbfs(speech)).toBeGreaterThan(-35);
    expect(out.length * 0.02).toBeGreaterThan(2); // about 3 s of speech
    frames.stop();
  });

  it('speaks two requests for one call in order: the second waits behind the first', async () => {
    const frames = tts.listen(client, 'call-b');
    const first = await tts.speak(client, {
      callId: 'call-b',
      text: 'This is the first reply. It has two sentences.',
    });
    const second = await tts.speak(client, {
      callId: 'call-b',
      text: 'And this is the second one.',
    });
    await frames.ended(second.utteranceId);
    const order = frames.received.map((r) => r.frame.utteranceId);
    const lastOfFirst = order.lastIndexOf(first.utteranceId);
    expect(frames.of(first.utteranceId).at(-1)?.endOfUtterance).toBe(true);
    expect(order.indexOf(second.utteranceId)).toBeGreaterThan(lastOfFirst);
    frames.stop();
  });

  it('continues the request’s trace: every frame carries the trace id the request was sent with', async () => {
    const frames = tts.listen(client, 'call-c');
    let traceId = '';
    const request = await withSpan('test.reply', {}, async (span) => {
      traceId = span.spanContext().traceId;
      return tts.speak(client, { callId: 'call-c', text: 'Tracing this reply.' });
    });
    await frames.ended(request.utteranceId);
    const traceIds = new Set(frames.received.map((r) => r.traceparent?.split('-')[1]));
    expect(traceIds).toEqual(new Set([traceId]));
    frames.stop();
  });

  it('terminates a malformed request instead of retrying it, and publishes nothing for it', async () => {
    const frames = tts.listen(client, 'call-d');
    const garbage = Uint8Array.from([0x0a, 0x64, 0x01]); // a length prefix with no bytes behind it
    await publishToStream(client, subjects.speak('call-d'), bytesCodec, garbage, {
      msgId: 'garbage-1',
    });
    await settled(); // terminated: gone from the work queue
    const info = await client.jsm.consumers.info(streams.speak.name, DEFAULT_SETTINGS.durable);
    expect(info.num_redelivered).toBe(0);
    expect(frames.received).toEqual([]);
    frames.stop();
  });

  it('terminates a request it can never speak, ending its utterance so nobody waits for it', async () => {
    const frames = tts.listen(client, 'call-e');
    const request = await tts.speak(client, { callId: 'call-e', sampleRate: 44100 });
    await frames.ended(request.utteranceId);
    await settled();
    expect(frames.of(request.utteranceId)).toHaveLength(1);
    expect(frames.of(request.utteranceId)[0]?.pcm.every((b) => b === 0)).toBe(true);
    frames.stop();
  });
});
