import { type Bus, type Responder, protoCodec, serve } from '@warmline/bus';
import {
  ContextSaved,
  SaveContextRequest,
  SaveContextResponse,
  subjects,
} from '@warmline/contracts';
import { type HeldOutcomes, heldOutcomes } from './heldOutcomes';
import { publishOutcome } from './publishOutcome';

/** Options of {@link startContextStoreParticipant}. */
export interface ContextStoreOptions {
  /** Calls whose ContextSaved is published twice (a duplicate input for the saga). */
  readonly duplicateEvents?: (callId: string) => boolean;
}

/** A stand-in for context-store, following its contract with the saga. */
export interface ContextStoreParticipant {
  /** Every SaveContextRequest received, repeats included. */
  readonly requests: SaveContextRequest[];
  /** Hold the ContextSaved of matching requests (the reply is still sent). */
  readonly outcomes: HeldOutcomes<SaveContextRequest>;
  /** Runs on each request before it is handled (a test kills the requester here). */
  beforeHandling: ((request: SaveContextRequest) => Promise<void>) | undefined;
  stop(): Promise<void>;
}

/**
 * Contract participant for context-store: answers `cmd.context-store.save` (SaveContextRequest →
 * SaveContextResponse ok, idempotent by request id) and publishes `ContextSaved` on
 * `evt.context.<callId>` with causation id = request id, once per request id.
 */
export const startContextStoreParticipant = (
  bus: Bus,
  options: ContextStoreOptions = {},
): ContextStoreParticipant => {
  const requests: SaveContextRequest[] = [];
  const saved = new Set<string>();
  const outcomes = heldOutcomes<SaveContextRequest>();
  const codec = protoCodec(ContextSaved);
  const responder: Responder = serve(
    bus,
    subjects.saveContext,
    {
      requestCodec: protoCodec(SaveContextRequest),
      responseCodec: protoCodec(SaveContextResponse),
    },
    async (request) => {
      requests.push(request);
      await participant.beforeHandling?.(request);
      const contextId = `ctx-${request.callId}`;
      if (!saved.has(request.requestId)) {
        saved.add(request.requestId);
        const eventId = `${request.requestId}:saved`;
        const event: ContextSaved = {
          eventId,
          callId: request.callId,
          contextId,
          version: saved.size,
          occurredAt: new Date(),
          causationId: request.requestId,
        };
        const subject = subjects.contextEvents(request.callId);
        const again = options.duplicateEvents?.(request.callId) ?? false;
        await outcomes.perform(request, () =>
          publishOutcome(bus, subject, codec, event, eventId, again),
        );
      }
      return { ok: true, contextId, errorCode: '', errorMessage: '' };
    },
  );
  const participant: ContextStoreParticipant = {
    requests,
    outcomes,
    beforeHandling: undefined,
    stop: () => responder.stop(),
  };
  return participant;
};
