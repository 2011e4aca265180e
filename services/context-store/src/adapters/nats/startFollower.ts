import type { EventSubscription } from '@warmline/bus';
import type { Logger } from '@warmline/telemetry';
import type { CheckpointStore, StoredSource } from '../../ports';
import type { SourceStreamReader } from './sourceStreams';

/** Dependencies of {@link startFollower}. Durations in ms. */
export interface FollowerDeps {
  readonly reader: SourceStreamReader;
  readonly checkpoints: CheckpointStore;
  /**
   * Folds events in stream order. Called with what arrived while the previous batch was being
   * written (one event when the projection keeps up, more under load); must not resolve before
   * the batch is stored.
   */
  readonly handleBatch: (batch: readonly StoredSource[]) => Promise<unknown>;
  /** Events buffered before delivery waits for the batch in progress (default 500). */
  readonly maxBatch?: number;
  readonly log: Logger;
  readonly clock: () => number;
  /** Wait before resubscribing after a failure (default 1000). */
  readonly retryDelayMs?: number;
  /** At most one checkpoint write per this long (default 1000); and one at stop. */
  readonly checkpointEveryMs?: number;
}

/** A running follower of one source stream. */
export interface Follower {
  /** The last stream sequence handled. */
  readonly processed: number;
  /** Lets the event in progress finish, writes the checkpoint, and stops. */
  stop(): Promise<void>;
}

/**
 * Follows one source stream in stream order (an ordered consumer, no acks) from the stored
 * checkpoint, handing the events to the projection in batches: while one batch is being written,
 * the next collects what arrives (so under load the database sees one write per call per batch,
 * not one per event). `processed` moves only once a batch is stored. Order matters: an event is applied only
 * above the document's position, so a writer must never skip ahead. When the handler fails
 * (MongoDB down, say) the subscription stops and resumes after a delay from the first event not
 * handled; events handled twice change nothing. The checkpoint is written at most once a second
 * and only saves replay work: the per-document positions make replays harmless.
 */
export const startFollower = async (deps: FollowerDeps): Promise<Follower> => {
  const { reader, checkpoints, log, clock } = deps;
  const retryDelayMs = deps.retryDelayMs ?? 1_000;
  const checkpointEveryMs = deps.checkpointEveryMs ?? 1_000;
  const maxBatch = deps.maxBatch ?? 500;
  const fields = { 'messaging.destination.name': reader.streamName };
  let processed = await checkpoints.load(reader.source);
  let saved = processed;
  let savedAt = clock();
  let stopped = false;
  let subscription: EventSubscription | undefined;
  let wake: (() => void) | undefined;
  /** Events delivered and not yet handed over; the batch in progress; its failure. */
  const buffer: StoredSource[] = [];
  let draining: Promise<void> | undefined;
  let failure: { error: unknown } | undefined;
  /** Which subscription is current: a stopped one's late deliveries are ignored. */
  let generation = 0;

  const saveCheckpoint = async () => {
    const sequence = processed;
    if (sequence <= saved) return;
    await checkpoints.save(reader.source, sequence);
    saved = sequence;
  };
  const drain = async () => {
    try {
      while (buffer.length > 0) {
        const batch = buffer.splice(0);
        await deps.handleBatch(batch);
        processed = batch.at(-1)!.sequence;
        if (clock() - savedAt >= checkpointEveryMs) {
          savedAt = clock();
          await saveCheckpoint();
        }
      }
    } catch (error) {
      // resume from the first event not stored: stop this subscription, the loop resubscribes
      failure = { error };
      buffer.length = 0;
      subscription?.stop().catch(() => undefined);
    } finally {
      draining = undefined;
    }
  };
  const onEvent = async (stored: StoredSource, of: number) => {
    if (of !== generation || failure) return;
    buffer.push(stored);
    draining ??= drain();
    if (buffer.length >= maxBatch) await draining;
  };
  const onMalformed = (subject: string, sequence: number | undefined) =>
    log.warn(
      {
        ...fields,
        'messaging.destination.subject': subject,
        'messaging.nats.stream_sequence': sequence,
      },
      'malformed event skipped',
    );
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, retryDelayMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const run = async () => {
    while (!stopped) {
      try {
        const of = ++generation;
        subscription = await reader.follow(
          processed + 1,
          (stored) => onEvent(stored, of),
          onMalformed,
        );
        if (stopped) await subscription.stop();
        await subscription.closed;
        await draining;
        if (failure) throw failure.error;
      } catch (error) {
        generation++;
        await draining;
        failure = undefined;
        log.warn(
          { ...fields, err: error, 'projection.resume_from': processed + 1 },
          'stream follower failed; resuming',
        );
      }
      if (!stopped) await pause();
    }
  };
  log.info({ ...fields, 'projection.resume_from': processed + 1 }, 'following stream');
  const running = run();

  return {
    get processed() {
      return processed;
    },
    stop: async () => {
      stopped = true;
      wake?.();
      await subscription?.stop();
      await running;
      await draining;
      await saveCheckpoint().catch((error: unknown) =>
        log.warn({ ...fields, err: error }, 'checkpoint not saved at stop'),
      );
    },
  };
};
