import { type Bus, protoCodec, publishToStream, type Responder, serve } from '@warmline/bus';
import {
  ContextSaved,
  SaveContextRequest,
  SaveContextResponse,
  subjects,
} from '@warmline/contracts';
import type { SaveContextDeps } from '../../handlers/handleSaveContext';
import { handleSaveContext } from '../../handlers/handleSaveContext';

const savedCodec = protoCodec(ContextSaved);

/** Appends `ContextSaved` to `evt.context.<callId>` with its event id as `Nats-Msg-Id`. */
export const contextSavedPublisher =
  (bus: Bus) =>
  async (saved: ContextSaved): Promise<number> =>
    (
      await publishToStream(bus, subjects.contextEvents(saved.callId), savedCodec, saved, {
        msgId: saved.eventId,
      })
    ).seq;

/** Answers SaveContext requests on `cmd.context-store.save`, one instance per request (queue group). */
export const serveSaveContext = (bus: Bus, deps: SaveContextDeps): Responder =>
  serve(
    bus,
    subjects.saveContext,
    {
      queue: 'context-store',
      requestCodec: protoCodec(SaveContextRequest),
      responseCodec: protoCodec(SaveContextResponse),
    },
    (request) => handleSaveContext(deps, request),
  );
