import { WarmlineAttributes } from '@warmline/telemetry';
import { applyEvent, type ContextDoc } from '../domain';
import { ProjectionConflictError } from '../errors';
import type { ProjectionDeps } from '../handlers/onSourceEvent';
import type { StoredSource } from '../ports';

const MAX_ATTEMPTS = 5;

/** How many events a batch folded, and how many documents it wrote. */
export interface BatchOutcome {
  readonly events: number;
  readonly writes: number;
}

/** Groups a batch by call, each call's events in stream order. */
const byCall = (batch: readonly StoredSource[]): Map<string, StoredSource[]> => {
  const calls = new Map<string, StoredSource[]>();
  for (const stored of batch) {
    const events = calls.get(stored.source.callId);
    if (events) events.push(stored);
    else calls.set(stored.source.callId, [stored]);
  }
  return calls;
};

/**
 * One call's events folded in order and written once: load, fold each, one write guarded by the
 * positions read; on a conflict (another replica wrote first) load and fold them all again. The
 * same fold as {@link onSourceEvent}, so the stored document is the one per-event writes give.
 */
const foldCall = (
  deps: ProjectionDeps,
  callId: string,
  events: readonly StoredSource[],
): Promise<number> =>
  deps.queue.run(callId, async () => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await deps.repository.load(callId);
      let doc: ContextDoc | undefined = current;
      for (const stored of events) {
        const result = applyEvent(doc, stored.source, stored.sequence, {
          redaction: deps.redaction,
          retentionMs: deps.retentionMs,
          nowMs: deps.clock(),
        });
        if (result.kind === 'changed') doc = result.doc;
      }
      if (doc === current) {
        deps.feed.offer(current);
        return 0;
      }
      if (await deps.repository.save(current, doc!)) {
        deps.feed.offer(doc);
        return 1;
      }
      deps.log.debug(
        { [WarmlineAttributes.CALL_ID]: callId, attempt },
        'context moved meanwhile; folding again',
      );
    }
    throw new ProjectionConflictError(callId, MAX_ATTEMPTS);
  });

/**
 * Folds a batch of one stream's events (stream order), one write per call however many of its
 * events the batch holds: under load the follower hands over what arrived meanwhile, so the
 * database sees one write per call per batch instead of one per event. Calls are written in
 * parallel; each call's writes stay serial with the other streams' (the keyed queue).
 *
 * @throws {@link ProjectionConflictError} a document kept moving (retryable)
 */
export const foldBatch = async (
  deps: ProjectionDeps,
  batch: readonly StoredSource[],
): Promise<BatchOutcome> => {
  const writes = await Promise.all(
    [...byCall(batch)].map(([callId, events]) => foldCall(deps, callId, events)),
  );
  return { events: batch.length, writes: writes.reduce((a, b) => a + b, 0) };
};
