import { type Bus, protoCodec, publish } from '@warmline/bus';
import { AudioFrame, subjects } from '@warmline/contracts';

const codec = protoCodec(AudioFrame);

/**
 * Publishes agent audio frames on core NATS (`media.<callId>.out`), at most
 * once. Inside an utterance's span, each frame carries its `traceparent`.
 */
export const framePublisher =
  (bus: Bus) =>
  (frame: AudioFrame): void =>
    publish(bus, subjects.mediaOut(frame.callId), codec, frame);
