import { type Bus, onMessage, protoCodec, publish } from '@warmline/bus';
import { AudioFrame, PlaybackControl, subjects } from '@warmline/contracts';
import type { Logger } from '@warmline/telemetry';
import type { MediaBusPort } from '../../media/mediaPorts';

const frameCodec = protoCodec(AudioFrame);
const controlCodec = protoCodec(PlaybackControl);

/** Media on core NATS: at most once, lowest latency, no spans per frame. */
export function createMediaBus(bus: Bus, log: Logger): MediaBusPort {
  return {
    onCallerAudio: (callId, handler) => {
      const listener = onMessage(
        bus,
        subjects.mediaIn(callId),
        frameCodec,
        (delivery) => handler(delivery.value),
        {
          onMalformed: () =>
            log.warn({ subject: subjects.mediaIn(callId) }, 'malformed audio frame'),
          onError: (error) => log.warn({ err: error }, 'caller audio handler failed'),
        },
      );
      return () => listener.unsubscribe();
    },
    publishAgentAudio: (frame) => publish(bus, subjects.mediaOut(frame.callId), frameCodec, frame),
    publishControl: (control) =>
      publish(bus, subjects.mediaControl(control.callId), controlCodec, control),
  };
}
