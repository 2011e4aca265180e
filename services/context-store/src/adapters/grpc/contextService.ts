import { Metadata, status, type ServerWritableStream } from '@grpc/grpc-js';
import {
  type ContextServiceServer,
  EscalationReason,
  escalationReasonToJSON,
  isSubjectToken,
  type WatchEscalationsRequest,
  type WatchEscalationsResponse,
} from '@warmline/contracts';
import { WarmlineAttributes, type Logger } from '@warmline/telemetry';
import { toCallContext } from '../../domain';
import type { EscalationFeed } from '../../live/escalationFeed';
import type { ContextRepository } from '../../ports';
import { toEscalationQuery } from './listQuery';

/** Dependencies of {@link contextService}. */
export interface ContextServiceDeps {
  readonly repository: ContextRepository;
  readonly feed: EscalationFeed;
  readonly log: Logger;
}

/** The service plus a way to end open WatchEscalations streams (at shutdown). */
export interface ContextServiceImpl {
  readonly service: ContextServiceServer;
  endWatches(): void;
}

const fail = (code: status, details: string) => ({ code, details, metadata: new Metadata() });

/**
 * `ContextService` over the projection. Transport errors become gRPC statuses here:
 * INVALID_ARGUMENT for a malformed call id, NOT_FOUND for an unknown call, UNAVAILABLE when
 * MongoDB cannot answer. WatchEscalations streams every new version of an escalated call from
 * the in-process feed (the projection's own NATS consumption), filtered by reason.
 */
export const contextService = (deps: ContextServiceDeps): ContextServiceImpl => {
  const watches = new Set<
    ServerWritableStream<WatchEscalationsRequest, WatchEscalationsResponse>
  >();
  const unavailable = (error: unknown, what: string) => {
    deps.log.error({ err: error, 'rpc.method': what }, 'context query failed');
    return fail(status.UNAVAILABLE, 'the context store cannot answer now');
  };
  const service: ContextServiceServer = {
    getCallContext: (call, callback) => {
      const { callId } = call.request;
      if (!isSubjectToken(callId))
        return callback(fail(status.INVALID_ARGUMENT, 'call_id is not a valid call id'));
      deps.repository.load(callId).then(
        (doc) =>
          doc
            ? callback(null, { context: toCallContext(doc) })
            : callback(fail(status.NOT_FOUND, 'no context for this call')),
        (error: unknown) => callback(unavailable(error, 'GetCallContext')),
      );
    },
    listEscalations: (call, callback) => {
      deps.repository.listEscalations(toEscalationQuery(call.request)).then(
        (docs) => callback(null, { escalations: docs.map(toCallContext) }),
        (error: unknown) => callback(unavailable(error, 'ListEscalations')),
      );
    },
    watchEscalations: (call) => {
      const { reason } = call.request;
      const wanted =
        reason === EscalationReason.ESCALATION_REASON_UNSPECIFIED
          ? undefined
          : escalationReasonToJSON(reason);
      watches.add(call);
      const unsubscribe = deps.feed.subscribe((doc) => {
        if (wanted === undefined || doc.escalationReason === wanted)
          call.write({ context: toCallContext(doc) });
      });
      const end = () => {
        unsubscribe();
        watches.delete(call);
      };
      call.on('cancelled', end);
      call.on('close', end);
      call.on('error', end);
      deps.log.info(
        { 'escalation.reason': wanted ?? 'any', [WarmlineAttributes.STAGE]: 'context-store' },
        'escalation watch opened',
      );
    },
  };
  return {
    service,
    endWatches: () => {
      for (const call of watches) call.end();
      watches.clear();
    },
  };
};
