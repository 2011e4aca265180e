import { randomUUID } from 'node:crypto';
import { FRAME_MS, pcmToBytes } from '@warmline/audio';
import { type Bus, onMessage, protoCodec, publish } from '@warmline/bus';
import { AudioFrame, PlaybackControl, PlaybackProgress, subjects } from '@warmline/contracts';

const frameCodec = protoCodec(AudioFrame);

/**
 * Publishes agent audio for a call on `media.<callId>.out` as 20 ms frames at
 * `rate` (as tts does, faster than real time), the last one ending the utterance.
 */
export const speak = (
  bus: Bus,
  callId: string,
  pcm: Int16Array,
  rate: number,
  utteranceId: string = randomUUID(),
): string => {
  const step = (rate * FRAME_MS) / 1000;
  const frames = Math.ceil(pcm.length / step);
  for (let n = 0; n < frames; n++) {
    const samples = pcm.subarray(n * step, Math.min(pcm.length, (n + 1) * step));
    publish(
      bus,
      subjects.mediaOut(callId),
      frameCodec,
      AudioFrame.fromPartial({
        callId,
        sampleRate: rate,
        sequence: n,
        timestampMs: n * FRAME_MS,
        pcm: Buffer.from(pcmToBytes(samples).buffer),
        utteranceId,
        endOfUtterance: n === frames - 1,
        ingressAtMs: Date.now(),
      }),
    );
  }
  return utteranceId;
};

/** Barge-in: PlaybackControl.clear on `media.<callId>.control`. */
export const clearPlayback = (bus: Bus, callId: string, reason = 'caller spoke'): void =>
  publish(bus, subjects.mediaControl(callId), protoCodec(PlaybackControl), {
    callId,
    action: { $case: 'clear', value: { reason } },
  });

/** Collects what a subscription on one call's subject receives, until closed. */
export interface Collector<T> {
  readonly items: T[];
  close(): void;
}

/** Collects caller frames (`media.<callId>.in`). */
export const collectCallerFrames = (bus: Bus, callId: string): Collector<AudioFrame> => {
  const items: AudioFrame[] = [];
  const listener = onMessage(bus, subjects.mediaIn(callId), frameCodec, (d) => items.push(d.value));
  return { items, close: () => listener.unsubscribe() };
};

/** Collects playback progress (`media.<callId>.progress`). */
export const collectProgress = (bus: Bus, callId: string): Collector<PlaybackProgress> => {
  const items: PlaybackProgress[] = [];
  const listener = onMessage(
    bus,
    subjects.mediaProgress(callId),
    protoCodec(PlaybackProgress),
    (d) => items.push(d.value),
  );
  return { items, close: () => listener.unsubscribe() };
};
