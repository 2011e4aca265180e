import { type Bus, type ConsumerHandle, consume, protoCodec } from '@warmline/bus';
import {
  ConversationEvent,
  SpeakRequest,
  streams,
  subjectWildcards,
  subjects,
} from '@warmline/contracts';
import { type HeldOutcomes, heldOutcomes } from './heldOutcomes';
import { publishOutcome } from './publishOutcome';

/** Options of {@link startTtsGatewayParticipant}. */
export interface TtsGatewayOptions {
  /** Calls whose AgentSpeechPlayed is published twice (a duplicate input for the saga). */
  readonly duplicateEvents?: (callId: string) => boolean;
}

/** A stand-in for tts and the gateway together, following their contract with the saga. */
export interface TtsGatewayParticipant {
  /** Every SpeakRequest taken from the work queue, in order. */
  readonly requests: SpeakRequest[];
  /** Hold the AgentSpeechPlayed of matching requests. */
  readonly outcomes: HeldOutcomes<SpeakRequest>;
  stop(): Promise<void>;
}

/**
 * Contract participant for tts + gateway: takes SpeakRequests from the `TTS_REQUESTS` work queue
 * (`cmd.tts.<callId>`), "plays" them at once, and reports `AgentSpeechPlayed` (completed, the whole
 * text heard) on `evt.conversation.<callId>`, as the gateway does once the last frame has played.
 */
export const startTtsGatewayParticipant = async (
  bus: Bus,
  options: TtsGatewayOptions = {},
): Promise<TtsGatewayParticipant> => {
  const requests: SpeakRequest[] = [];
  const outcomes = heldOutcomes<SpeakRequest>();
  const codec = protoCodec(ConversationEvent);
  const played = (request: SpeakRequest): Promise<void> => {
    const eventId = `played:${request.utteranceId}`;
    const event: ConversationEvent = {
      eventId,
      callId: request.callId,
      occurredAt: new Date(),
      causationId: request.requestId,
      correlationId: request.callId,
      payload: {
        $case: 'speechPlayed',
        value: {
          utteranceId: request.utteranceId,
          playedMs: 1_000,
          totalMs: 1_000,
          interrupted: false,
          heardText: request.text,
        },
      },
    };
    const subject = subjects.conversationEvents(request.callId);
    return publishOutcome(
      bus,
      subject,
      codec,
      event,
      eventId,
      options.duplicateEvents?.(request.callId) ?? false,
    );
  };
  const consumer: ConsumerHandle = await consume(bus, {
    stream: streams.speak.name,
    durable: 'tts-gateway-participant',
    filterSubjects: [subjectWildcards.speak],
    codec: protoCodec(SpeakRequest),
    handler: async (request) => {
      requests.push(request);
      await outcomes.perform(request, () => played(request));
      return 'ack';
    },
  });
  return { requests, outcomes, stop: () => consumer.stop() };
};
