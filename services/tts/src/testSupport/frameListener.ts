import { type Bus, onMessage, protoCodec } from '@warmline/bus';
import { AudioFrame, subjects } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';

/** A frame as received, with its trace header. */
export interface ReceivedFrame {
  readonly frame: AudioFrame;
  readonly traceparent: string | undefined;
}

/** Frames of one call as the gateway would receive them. */
export interface FrameListener {
  readonly received: ReceivedFrame[];
  /** Frames of one utterance, in arrival order. */
  of(utteranceId: string): AudioFrame[];
  /** Waits for the utterance's end-of-utterance frame. */
  ended(utteranceId: string, timeoutMs?: number): Promise<void>;
  /** Waits until `count` frames of the utterance arrived. */
  atLeast(utteranceId: string, count: number): Promise<void>;
  stop(): void;
}

/** Follows `media.<callId>.out`. */
export const listenFrames = (bus: Bus, callId: string): FrameListener => {
  const received: ReceivedFrame[] = [];
  const listener = onMessage(bus, subjects.mediaOut(callId), protoCodec(AudioFrame), (delivery) => {
    received.push({
      frame: delivery.value,
      traceparent: delivery.headers?.has('traceparent')
        ? delivery.headers.get('traceparent')
        : undefined,
    });
  });
  const of = (utteranceId: string) =>
    received.filter((r) => r.frame.utteranceId === utteranceId).map((r) => r.frame);
  return {
    received,
    of,
    ended: (utteranceId, timeoutMs = 30_000) =>
      waitFor(() => (of(utteranceId).some((f) => f.endOfUtterance) ? true : undefined), {
        timeoutMs,
        describe: () => `end of ${utteranceId} (${of(utteranceId).length} frames so far)`,
      }).then(() => undefined),
    atLeast: (utteranceId, count) =>
      waitFor(() => (of(utteranceId).length >= count ? true : undefined), {
        timeoutMs: 30_000,
        describe: () => `${count} frames of ${utteranceId}`,
      }).then(() => undefined),
    stop: () => listener.unsubscribe(),
  };
};
