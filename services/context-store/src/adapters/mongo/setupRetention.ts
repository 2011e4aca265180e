import type { Logger } from '@warmline/telemetry';
import type { RetentionConfig } from '../../config';
import { TtlUnsupportedError } from '../../errors';
import type { ContextCollections } from './collections';
import { isUnsupported } from './mongoErrors';

/** How expired documents go away: the server's TTL monitor, this process's sweep, or not at all. */
export type ActiveRetention = 'ttl' | 'sweep' | 'off';

/** Retention as started. */
export interface Retention {
  readonly mode: ActiveRetention;
  /** Runs one sweep now (sweep mode only; 0 otherwise): the number of documents deleted. */
  sweep(): Promise<number>;
  stop(): void;
}

/** Dependencies of {@link setupRetention}. */
export interface RetentionDeps {
  readonly collections: ContextCollections;
  readonly config: RetentionConfig;
  readonly log: Logger;
  readonly clock: () => number;
}

const TTL_INDEX = { name: 'expireAt_ttl', expireAfterSeconds: 0 } as const;

const tryTtlIndexes = async ({ contexts, saves }: ContextCollections): Promise<boolean> => {
  try {
    await contexts.createIndex({ expireAt: 1 }, TTL_INDEX);
    await saves.createIndex({ expireAt: 1 }, TTL_INDEX);
    return true;
  } catch (error) {
    if (isUnsupported(error)) return false;
    throw error;
  }
};

/**
 * Starts retention. Each document carries `expireAt` (last event + retention). With a TTL index
 * (real MongoDB) the server deletes expired documents; where the server has none (FerretDB 1.24
 * answers NotImplemented), an indexed `deleteMany({ expireAt: { $lte: now } })` runs every
 * `sweepIntervalMs` instead. The active mode is logged.
 *
 * @throws {@link TtlUnsupportedError} mode `ttl` was required and the server cannot do it
 */
export const setupRetention = async (deps: RetentionDeps): Promise<Retention> => {
  const { collections, config, log, clock } = deps;
  if (!config.enabled) {
    log.info({ 'retention.mode': 'off' }, 'retention disabled');
    return { mode: 'off', sweep: async () => 0, stop: () => undefined };
  }
  if (config.mode !== 'sweep' && (await tryTtlIndexes(collections))) {
    log.info(
      { 'retention.mode': 'ttl', 'retention.ms': config.retentionMs },
      'retention by TTL index',
    );
    return { mode: 'ttl', sweep: async () => 0, stop: () => undefined };
  }
  if (config.mode === 'ttl') throw new TtlUnsupportedError();

  await collections.contexts.createIndex({ expireAt: 1 }, { name: 'expireAt' });
  await collections.saves.createIndex({ expireAt: 1 }, { name: 'expireAt' });
  const sweep = async (): Promise<number> => {
    const expired = { expireAt: { $lte: new Date(clock()) } };
    const [contexts, saves] = await Promise.all([
      collections.contexts.deleteMany(expired),
      collections.saves.deleteMany(expired),
    ]);
    return contexts.deletedCount + saves.deletedCount;
  };
  const tick = () =>
    void sweep()
      .then(
        (deleted) =>
          deleted > 0 && log.info({ 'retention.deleted': deleted }, 'expired contexts deleted'),
      )
      .catch((error: unknown) =>
        log.warn({ err: error }, 'retention sweep failed; next one retries'),
      );
  const timer = setInterval(tick, config.sweepIntervalMs);
  timer.unref();
  tick();
  log.info(
    {
      'retention.mode': 'sweep',
      'retention.ms': config.retentionMs,
      'retention.interval_ms': config.sweepIntervalMs,
    },
    'retention by periodic sweep (no TTL index on this server)',
  );
  return { mode: 'sweep', sweep, stop: () => clearInterval(timer) };
};
