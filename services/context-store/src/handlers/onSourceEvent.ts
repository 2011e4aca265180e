import { WarmlineAttributes, type Logger } from '@warmline/telemetry';
import { applyEvent, type RedactionPolicy, type UnchangedReason } from '../domain';
import { ProjectionConflictError } from '../errors';
import type { EscalationFeed } from '../live/escalationFeed';
import type { KeyedQueue } from '@warmline/bus';
import type { ContextRepository, StoredSource } from '../ports';

/** Dependencies of {@link onSourceEvent}. */
export interface ProjectionDeps {
  readonly repository: ContextRepository;
  readonly feed: EscalationFeed;
  readonly queue: KeyedQueue;
  readonly redaction: RedactionPolicy;
  /** Undefined when retention is off. */
  readonly retentionMs: number | undefined;
  readonly clock: () => number;
  readonly log: Logger;
}

/** What folding one event did. */
export type ProjectionOutcome = 'applied' | UnchangedReason;

const MAX_ATTEMPTS = 5;

/**
 * Folds one stored event into its call's context: load, fold, write guarded by the positions read,
 * and on a conflict (another replica wrote first) load and fold again. Redelivered and replayed
 * events come out `duplicate` and write nothing. The feed is offered the resulting document either
 * way, so watchers of every replica see each version once.
 *
 * @throws {@link ProjectionConflictError} the document kept moving (retryable)
 */
export const onSourceEvent = (
  deps: ProjectionDeps,
  stored: StoredSource,
): Promise<ProjectionOutcome> => {
  const { callId } = stored.source;
  return deps.queue.run(callId, async () => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await deps.repository.load(callId);
      const result = applyEvent(current, stored.source, stored.sequence, {
        redaction: deps.redaction,
        retentionMs: deps.retentionMs,
        nowMs: deps.clock(),
      });
      if (result.kind === 'unchanged') {
        deps.feed.offer(current);
        return result.reason;
      }
      if (await deps.repository.save(current, result.doc)) {
        deps.feed.offer(result.doc);
        return 'applied';
      }
      deps.log.debug(
        { [WarmlineAttributes.CALL_ID]: callId, attempt },
        'context moved meanwhile; folding again',
      );
    }
    throw new ProjectionConflictError(callId, MAX_ATTEMPTS);
  });
};
