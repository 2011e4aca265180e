import { type Bus, type Responder, protoCodec, serve } from '@warmline/bus';
import {
  ConversationEvent,
  RecordVoicemailRequest,
  RecordVoicemailResponse,
  subjects,
} from '@warmline/contracts';
import { publishOutcome } from './publishOutcome';

/** A stand-in for the stt replica that owns a call, for voicemail. */
export interface SttVoicemailParticipant {
  /** Every RecordVoicemailRequest received. */
  readonly requests: RecordVoicemailRequest[];
  /** Starts answering `cmd.stt.voicemail.<callId>`, as the replica holding the call does. */
  serveCall(callId: string): void;
  stop(): Promise<void>;
}

/**
 * Contract participant for stt's voicemail: accepts a RecordVoicemailRequest (idempotent by
 * recording id), "records" a short message, and reports `VoicemailRecorded` on
 * `evt.conversation.<callId>`.
 */
export const startSttVoicemailParticipant = (bus: Bus): SttVoicemailParticipant => {
  const requests: RecordVoicemailRequest[] = [];
  const responders: Responder[] = [];
  const codec = protoCodec(ConversationEvent);
  const recorded = async (request: RecordVoicemailRequest) => {
    const eventId = `${request.recordingId}:recorded`;
    const event: ConversationEvent = {
      eventId,
      callId: request.callId,
      occurredAt: new Date(),
      causationId: request.recordingId,
      correlationId: request.callId,
      payload: {
        $case: 'voicemailRecorded',
        value: {
          recordingId: request.recordingId,
          durationMs: 4_000,
          transcript: 'please call me back',
        },
      },
    };
    await publishOutcome(
      bus,
      subjects.conversationEvents(request.callId),
      codec,
      event,
      eventId,
      false,
    );
  };
  return {
    requests,
    serveCall: (callId) => {
      const options = {
        requestCodec: protoCodec(RecordVoicemailRequest),
        responseCodec: protoCodec(RecordVoicemailResponse),
      };
      responders.push(
        serve(bus, subjects.recordVoicemail(callId), options, async (request) => {
          requests.push(request);
          await recorded(request);
          return { accepted: true, errorCode: '', errorMessage: '' };
        }),
      );
    },
    stop: async () => {
      await Promise.all(responders.map((responder) => responder.stop()));
    },
  };
};
