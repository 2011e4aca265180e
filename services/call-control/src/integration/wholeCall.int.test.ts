import { randomUUID } from 'node:crypto';
import { pcmFromBytes, pcmToBytes, sine, toneLevel } from '@warmline/audio';
import { AgentMode, CallHandler, CallState, TerminationReason } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { eventsUntil, kinds, sessionEvents, storedEvents } from '../testSupport/callEvents';
import { type TestMedia, type TestSession } from '../testSupport/sdkTestClient';
import { TEST_DESTINATION } from '../testSupport/testConfig';
import { useCallControl } from '../testSupport/useCallControl';

const cc = useCallControl();

const ready = async (session: TestSession) => {
  await session.next((m) => (m.message?.$case === 'welcome' ? m.message.value : undefined));
  session.send({ message: { $case: 'ready', value: {} } });
};

const callerAudio = (media: TestMedia): Int16Array => {
  const chunks = media.received.flatMap((m) =>
    m.message?.$case === 'audio' ? [m.message.value.pcm] : [],
  );
  return pcmFromBytes(Buffer.concat(chunks));
};

describe('a whole SDK call', () => {
  it('answers, streams audio both ways, connects, closes; the stream holds exactly the expected events', async () => {
    const client = cc.client();
    const session = client.openSession(['connector-1'], 24_000);
    await ready(session);
    const callId = `call-${randomUUID()}`;

    const started = await cc.gateway.startCall(callId);
    expect(started).toMatchObject({ accepted: true, handler: CallHandler.CALL_HANDLER_SDK });
    const incoming = await session.next((m) =>
      m.message?.$case === 'incomingCall' ? m.message.value.call : undefined,
    );
    expect(incoming).toMatchObject({ callId, state: CallState.CALL_STATE_PENDING });

    const answered = await client.command(callId, { $case: 'answer', value: {} });
    expect(answered).toMatchObject({ ok: true, state: CallState.CALL_STATE_ANSWERED });

    // Media both ways: caller 440 Hz at 16 kHz arrives at 24 kHz; agent 1 kHz at 24 kHz leaves at 16 kHz.
    const media = client.openMedia(callId, 24_000);
    const pulled = await media.next((m) =>
      m.message?.$case === 'pull' ? m.message.value.bytes : undefined,
    );
    const capture = cc.gateway.captureAgentAudio(callId);
    cc.gateway.sendCallerAudio(callId, sine({ rate: 16_000, hz: 440, durationMs: 400 }));
    const heard = await waitFor(() => {
      const samples = callerAudio(media);
      return samples.length >= 24_000 * 0.35 ? samples : undefined;
    });
    expect(toneLevel(heard.subarray(480), 24_000, 440)).toBeGreaterThan(0.4);
    expect(toneLevel(heard.subarray(480), 24_000, 1_000)).toBeLessThan(0.02);

    const agent = pcmToBytes(sine({ rate: 24_000, hz: 1_000, durationMs: 300 }));
    expect(pulled).toBeGreaterThanOrEqual(agent.length);
    media.send({ message: { $case: 'audio', value: { pcm: Buffer.from(agent) } } });
    const frames = await waitFor(() => (capture.frames.length >= 15 ? capture.frames : undefined));
    const sent = pcmFromBytes(Buffer.concat(frames.map((frame) => frame.pcm)));
    expect(frames.every((frame) => frame.sampleRate === 16_000 && frame.pcm.length === 640)).toBe(
      true,
    );
    expect(new Set(frames.map((frame) => frame.utteranceId)).size).toBe(1);
    expect(toneLevel(sent.subarray(160), 16_000, 1_000)).toBeGreaterThan(0.4);

    const connected = await client.command(callId, {
      $case: 'connect',
      value: { ringTimeSeconds: 30, handoffData: { contextId: 'ctx-1' } },
    });
    expect(connected).toMatchObject({
      ok: true,
      state: CallState.CALL_STATE_CONNECTED,
      mode: AgentMode.AGENT_MODE_BARGE,
    });

    const closed = await client.command(callId, { $case: 'close', value: {} });
    expect(closed).toMatchObject({ ok: true, state: CallState.CALL_STATE_DISCONNECTED });
    const end = await media.next((m) => (m.message?.$case === 'end' ? m.message.value : undefined));
    expect(end.reason).toBe(TerminationReason.TERMINATION_REASON_AGENT_LEFT);
    expect((await media.ended()).code).toBe(0);
    capture.stop();

    const expected = [
      'started',
      'answerRequested',
      'answered',
      'connectRequested',
      'connectRinging',
      'connected',
      'terminated',
    ];
    const events = await eventsUntil(cc.bus, callId, 'terminated');
    expect(kinds(events)).toEqual(expected);
    await waitFor(() =>
      sessionEvents(session, callId).length === expected.length ? true : undefined,
    );
    expect(sessionEvents(session, callId)).toEqual(events);
    expect(events[3]?.payload).toMatchObject({
      value: { destination: TEST_DESTINATION, handoffData: { contextId: 'ctx-1' } },
    });
    await waitFor(() => (cc.gateway.actionsFor(callId).length === 4 ? true : undefined));
    expect(cc.gateway.actionsFor(callId)).toEqual([
      'answer',
      'placeCallee',
      'setMixMode',
      'removeAgent',
    ]);
    expect(await storedEvents(cc.bus, callId)).toHaveLength(expected.length);
    session.end();
  });
});
