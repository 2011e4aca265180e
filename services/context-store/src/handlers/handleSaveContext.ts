import {
  type ContextSaved,
  isSubjectToken,
  type SaveContextRequest,
  type SaveContextResponse,
} from '@warmline/contracts';
import { WarmlineAttributes, type Logger } from '@warmline/telemetry';
import { versionOf } from '../domain';
import { CatchUpTimeoutError } from '../errors';
import type { CallEventReader, SaveLedger, SaveRecord } from '../ports';
import { catchUpCall } from './catchUpCall';
import type { ProjectionDeps } from './onSourceEvent';

/** Dependencies of {@link handleSaveContext}. */
export interface SaveContextDeps {
  readonly projection: ProjectionDeps;
  readonly events: CallEventReader;
  readonly ledger: SaveLedger;
  /** Appends `ContextSaved` to the call's context stream (msg id = event id); its sequence. */
  readonly publishSaved: (saved: ContextSaved) => Promise<number>;
  readonly timeoutMs: number;
  readonly log: Logger;
}

/** Error codes of a failed `SaveContextResponse`. */
export const SaveErrorCodes = {
  invalidArgument: 'INVALID_ARGUMENT',
  callNotFound: 'CALL_NOT_FOUND',
  catchUpTimeout: 'CATCH_UP_TIMEOUT',
  unavailable: 'UNAVAILABLE',
} as const;

const failure = (errorCode: string, errorMessage: string): SaveContextResponse => ({
  ok: false,
  contextId: '',
  errorCode,
  errorMessage,
});

const within = async <T>(
  work: Promise<T>,
  timeoutMs: number,
  onTimeout: () => Error,
): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

const save = async (
  deps: SaveContextDeps,
  request: SaveContextRequest,
): Promise<SaveContextResponse> => {
  const { callId, requestId } = request;
  const doc = await within(
    catchUpCall(deps.projection, deps.events, callId),
    deps.timeoutMs,
    () => new CatchUpTimeoutError(callId, deps.timeoutMs),
  );
  if (!doc) return failure(SaveErrorCodes.callNotFound, 'no event of this call has been stored');
  const record: SaveRecord = await deps.ledger.recordOnce({
    _id: requestId,
    callId,
    contextId: doc._id,
    version: versionOf(doc.positions),
    eventId: `context-saved:${requestId}`,
    recordedAt: new Date(deps.projection.clock()),
    ...(doc.expireAt ? { expireAt: doc.expireAt } : {}),
  });
  if (record.publishedSeq === undefined) {
    const sequence = await deps.publishSaved({
      eventId: record.eventId,
      callId,
      contextId: record.contextId,
      version: record.version,
      occurredAt: record.recordedAt,
      causationId: requestId,
    });
    await deps.ledger.markPublished(requestId, sequence);
  }
  return { ok: true, contextId: record.contextId, errorCode: '', errorMessage: '' };
};

/**
 * The saga asks to store a call's context now. Answers only once the context has caught up with
 * the call's three streams as they stand at this moment, then publishes `ContextSaved` once per
 * request id: a repeated request gets the first answer, and its event id (the `Nats-Msg-Id`)
 * makes a repeated publish a duplicate JetStream drops. The document itself comes only from the
 * event log (the request's reason and summary are in the saga's own `EscalationStarted`), so a
 * rebuild loses nothing.
 */
export const handleSaveContext = async (
  deps: SaveContextDeps,
  request: SaveContextRequest,
): Promise<SaveContextResponse> => {
  if (!isSubjectToken(request.callId)) {
    return failure(SaveErrorCodes.invalidArgument, 'call_id is not a valid call id');
  }
  if (request.requestId === '')
    return failure(SaveErrorCodes.invalidArgument, 'request_id is required');
  const fields = {
    [WarmlineAttributes.CALL_ID]: request.callId,
    'warmline.request.id': request.requestId,
  };
  try {
    const response = await save(deps, request);
    deps.log.info(
      { ...fields, ok: response.ok, 'error.code': response.errorCode },
      'save context answered',
    );
    return response;
  } catch (error) {
    if (error instanceof CatchUpTimeoutError) {
      deps.log.warn(fields, 'save context timed out catching up');
      return failure(SaveErrorCodes.catchUpTimeout, error.message);
    }
    deps.log.error({ ...fields, err: error }, 'save context failed');
    return failure(SaveErrorCodes.unavailable, 'the context store could not save the context now');
  }
};
