import { type Bus, ensureStreams, protoCodec, publish } from '@warmline/bus';
import {
  type AgentSpeechPlayed,
  ConversationEvent,
  PlaybackProgress,
  streams,
  subjects,
} from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { useTts } from './testSupport/ttsHarness';

const eventCodec = protoCodec(ConversationEvent);
const progressCodec = protoCodec(PlaybackProgress);

describe('tts service: what the caller heard', () => {
  const tts = useTts();
  let client: Bus;
  const played: AgentSpeechPlayed[] = [];

  beforeAll(async () => {
    await tts.start();
    client = await tts.connect('client');
    await ensureStreams(client, [streams.conversationEvents]);
    client.nc.subscribe('evt.conversation.>', {
      callback: (_err, msg) => {
        const event = eventCodec.decode(msg.data);
        if (event.payload?.$case === 'speechPlayed') played.push(event.payload.value);
      },
    });
  });

  const progress = (callId: string, value: Partial<PlaybackProgress>) => {
    publish(client, subjects.mediaProgress(callId), progressCodec, {
      callId,
      utteranceId: '',
      playedMs: 0,
      completed: false,
      interrupted: false,
      ...value,
    });
  };

  it('appends AgentSpeechPlayed with the whole text once the gateway reports the utterance completed', async () => {
    const frames = tts.listen(client, 'call-p1');
    const reply = await tts.speak(client, { callId: 'call-p1', text: 'Thank you for calling.' });
    await frames.ended(reply.utteranceId);
    const sentMs = frames.of(reply.utteranceId).length * 20;
    progress('call-p1', { utteranceId: reply.utteranceId, playedMs: 600 }); // a checkpoint: not yet
    progress('call-p1', { utteranceId: 'someone-else', playedMs: 600, completed: true });
    progress('call-p1', { utteranceId: reply.utteranceId, playedMs: sentMs, completed: true });
    const report = await waitFor(() => played.find((p) => p.utteranceId === reply.utteranceId));
    expect(report).toMatchObject({
      interrupted: false,
      heardText: 'Thank you for calling.',
    });
    expect(report.totalMs).toBeGreaterThan(500);
    expect(Math.abs(report.totalMs - sentMs)).toBeLessThanOrEqual(20);
    expect(played.filter((p) => p.utteranceId === 'someone-else')).toEqual([]);
    frames.stop();
  });

  it('reports an interrupted utterance with the words within what played', async () => {
    const frames = tts.listen(client, 'call-p2');
    const text = 'Your balance is forty two dollars and it is due on the first of next month.';
    const reply = await tts.speak(client, { callId: 'call-p2', text });
    await frames.ended(reply.utteranceId);
    progress('call-p2', { utteranceId: reply.utteranceId, playedMs: 1_000, interrupted: true });
    const report = await waitFor(() => played.find((p) => p.utteranceId === reply.utteranceId));
    expect(report.interrupted).toBe(true);
    expect(report.playedMs).toBe(1_000);
    expect(report.heardText.length).toBeGreaterThan(0);
    expect(text.startsWith(report.heardText)).toBe(true);
    expect(report.heardText.length).toBeLessThan(text.length / 2);
    frames.stop();
  });
});
