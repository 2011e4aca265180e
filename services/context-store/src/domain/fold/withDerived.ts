import type { ContextDoc } from '../contextDoc';

const earliest = (dates: readonly (Date | undefined)[]): Date | undefined =>
  dates
    .filter((d): d is Date => d !== undefined)
    .reduce<Date | undefined>((min, d) => (min === undefined || d < min ? d : min), undefined);

const UNSPECIFIED_REASON = 'ESCALATION_REASON_UNSPECIFIED';

/**
 * Recomputes the fields derived from several streams (what lists and retention query on) from
 * the state alone, never from the order events came in, and lays the document out in one fixed
 * key order, so any interleaving of the streams gives the same document, byte for byte.
 */
export const withDerived = (doc: ContextDoc, retentionMs: number | undefined): ContextDoc => {
  const { request, saga, voicemail, hangupRequestedAt, lastEventAt } = doc;
  const escalatedAt = earliest([request?.firstAt, saga?.startedAt]);
  const requested = request?.reason;
  const reason =
    requested !== undefined && requested !== UNSPECIFIED_REASON ? requested : saga?.reason;
  return {
    _id: doc._id,
    positions: doc.positions,
    eventIds: doc.eventIds,
    call: doc.call,
    turns: doc.turns,
    timeline: doc.timeline,
    ...(request ? { request } : {}),
    ...(saga ? { saga } : {}),
    ...(voicemail ? { voicemail } : {}),
    ...(hangupRequestedAt ? { hangupRequestedAt } : {}),
    lastEventAt,
    ...(escalatedAt ? { escalatedAt } : {}),
    ...(escalatedAt && reason ? { escalationReason: reason } : {}),
    ...(saga?.outcome ? { outcome: saga.outcome } : {}),
    ...(retentionMs === undefined
      ? {}
      : { expireAt: new Date(lastEventAt.getTime() + retentionMs) }),
  };
};
