import { status } from '@grpc/grpc-js';
import { TerminationReason } from '@warmline/contracts';
import { BufferClosedError, BufferFullError } from '../errors/bufferErrors';
import { MediaError } from '../errors/warmlineError';
import { eventually, pcm, settle } from '../testing/fixtures';
import { useDouble } from './useDouble';

describe('media against the call-control test double', () => {
  const { double, deliveredCall } = useDouble();

  it('sends agent audio only as far as the platform pulled it', async () => {
    const { call, media } = await deliveredCall();
    await call.answer();
    await call.sendAudio(pcm(10_000));
    await settle(50);
    expect(media.receivedBytes).toBe(0);
    expect(call.getSendAudioBufferSize()).toBe(10_000);

    media.pull(3_200);
    await eventually(() => (media.receivedBytes === 3_200 ? true : undefined), '3200 bytes');
    await settle(50);
    expect(media.receivedBytes).toBe(3_200);
    expect(call.getSendAudioBufferSize()).toBe(6_800);

    media.pull(20_000);
    await eventually(() => (media.receivedBytes === 10_000 ? true : undefined), 'the rest');
    expect(call.getSendAudioBufferSize()).toBe(0);
    // Unused credit carries over: later audio goes at once, still within what was pulled.
    await call.sendAudio(pcm(4_000));
    await eventually(() => (media.receivedBytes === 14_000 ? true : undefined), 'later audio');
    expect(media.received.every((chunk) => chunk.length % 2 === 0)).toBe(true);
  });

  it('clears locally and on the platform, and reports both', async () => {
    const { call, media } = await deliveredCall();
    await call.answer();
    media.bytesDroppedOnClear = 640;
    await call.sendAudio(pcm(8_000));
    await expect(call.clearSendAudioBuffer()).resolves.toBe(8_640);
    expect(call.getSendAudioBufferSize()).toBe(0);
    expect(media.clears).toBe(1);
    media.pull(1_000);
    await settle(50);
    expect(media.receivedBytes).toBe(0);
  });

  it('applies back-pressure with BufferFullError, and takes audio again once drained', async () => {
    // 100 ms at 16 kHz = 3 200 bytes.
    const { call, media } = await deliveredCall({ sendBufferMs: 100 });
    await call.sendAudio(pcm(3_000));
    const error = await call.sendAudio(pcm(400)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BufferFullError);
    expect(error).toMatchObject({ requestedBytes: 400, availableBytes: 200, capacityBytes: 3_200 });
    expect(call.getSendAudioBufferSize()).toBe(3_000);
    media.pull(2_000);
    await eventually(() => (call.getSendAudioBufferSize() === 1_000 ? true : undefined), 'drained');
    await call.sendAudio(pcm(400));
    expect(call.getSendAudioBufferSize()).toBe(1_400);
  });

  it('refuses an odd byte count with MediaError', async () => {
    const { call } = await deliveredCall();
    await expect(call.sendAudio(pcm(3))).rejects.toBeInstanceOf(MediaError);
  });

  it('streams caller audio and ends the stream when the call ends; then sending fails with BufferClosedError', async () => {
    const { call, media } = await deliveredCall();
    await call.answer();
    media.sendAudio(pcm(320, 1));
    media.sendAudio(pcm(320, 2));
    const chunks: number[] = [];
    const reading = (async () => {
      for await (const chunk of call.audioStream()) chunks.push(chunk[0] ?? -1);
    })();
    await eventually(() => (chunks.length === 2 ? true : undefined), 'two chunks');
    media.sendAudio(pcm(320, 3));
    await eventually(() => (chunks.length === 3 ? true : undefined), 'a third chunk');
    double().calls.terminate(call.callId, TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP);
    await reading;
    expect(chunks).toEqual([1, 2, 3]);
    expect(call.state).toBe('DISCONNECTED');
    await expect(call.sendAudio(pcm(320))).rejects.toBeInstanceOf(BufferClosedError);
    await expect(call.clearSendAudioBuffer()).resolves.toBe(0);
  });

  it('close() ends the audio stream and closes the send buffer', async () => {
    const { call } = await deliveredCall();
    await call.answer();
    await call.sendAudio(pcm(640));
    const reading = (async () => {
      for await (const _chunk of call.audioStream()) {
        /* nothing comes */
      }
      return 'ended';
    })();
    await call.close();
    await expect(reading).resolves.toBe('ended');
    expect(call.getSendAudioBufferSize()).toBe(0);
    await expect(call.sendAudio(pcm(2))).rejects.toBeInstanceOf(BufferClosedError);
  });

  it('reopens a lost media stream and keeps the queued audio', async () => {
    const { call, media, callId } = await deliveredCall();
    await call.answer();
    await call.sendAudio(pcm(1_000));
    media.fail(status.UNAVAILABLE, 'gateway moved');
    const reopened = await eventually(() => {
      const latest = double().mediaFor(callId);
      return latest !== media && latest?.callId === callId ? latest : undefined;
    }, 'a new media stream');
    reopened.pull(1_000);
    await eventually(() => (reopened.receivedBytes === 1_000 ? true : undefined), 'queued audio');
  });

  it('fails the media with MediaError when the platform refuses it', async () => {
    const { call, media } = await deliveredCall();
    const reading = (async () => {
      for await (const _chunk of call.audioStream()) {
        /* nothing comes */
      }
    })();
    media.fail(status.PERMISSION_DENIED, 'not yours');
    await expect(reading).rejects.toBeInstanceOf(MediaError);
    await expect(call.sendAudio(pcm(2))).rejects.toBeInstanceOf(MediaError);
  });
});
