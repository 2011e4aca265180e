import { type Bus, protoCodec, publishToStream } from '@warmline/bus';
import { SpeakRequest, subjects } from '@warmline/contracts';

/** The tts stage's work queue (`cmd.tts.<callId>`). */
export interface SpeechQueue {
  /** Queues a speech request; its utterance id is the `Nats-Msg-Id`, so a repeat is dropped. */
  speak(request: SpeakRequest): Promise<void>;
}

const codec = protoCodec(SpeakRequest);

/** The speech queue on the TTS_REQUESTS stream. */
export function createSpeechQueue(bus: Bus): SpeechQueue {
  return {
    speak: async (request) => {
      await publishToStream(bus, subjects.speak(request.callId), codec, request, {
        msgId: request.utteranceId,
      });
    },
  };
}
