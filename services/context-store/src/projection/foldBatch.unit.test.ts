import { KeyedQueue } from '@warmline/bus';
import { createLogger } from '@warmline/telemetry';
import { type ContextDoc, DEFAULT_REDACTION, type Positions } from '../domain';
import { ProjectionConflictError } from '../errors';
import { onSourceEvent, type ProjectionDeps } from '../handlers/onSourceEvent';
import { createEscalationFeed } from '../live/escalationFeed';
import type { ContextRepository, StoredSource } from '../ports';
import { positioned } from '../test/fold.test';
import { realisticCall } from '../test/realisticCall.test';
import { foldBatch } from './foldBatch';

/** In memory, counting writes; its first `conflicts` writes lose, as if another replica wrote. */
const memoryRepository = (conflicts = 0) => {
  const docs = new Map<string, ContextDoc>();
  let losing = conflicts;
  let writes = 0;
  const same = (a: Positions | undefined, b: Positions | undefined) =>
    JSON.stringify(a) === JSON.stringify(b);
  const repository: ContextRepository = {
    load: async (id) => docs.get(id),
    save: async (expected, next) => {
      if (losing-- > 0 || !same(expected?.positions, docs.get(next._id)?.positions)) return false;
      writes++;
      docs.set(next._id, next);
      return true;
    },
    listEscalations: async () => [...docs.values()],
  };
  return { docs, repository, writes: () => writes };
};

const deps = (repository: ContextRepository): ProjectionDeps => ({
  repository,
  feed: createEscalationFeed(() => undefined),
  queue: new KeyedQueue(),
  redaction: DEFAULT_REDACTION,
  retentionMs: undefined,
  clock: () => Date.parse('2029-06-01T12:00:00Z'),
  log: createLogger({ service: 'test', level: 'silent' }),
});

const t0 = new Date('2029-06-01T10:00:00Z');
/** Two calls' conversation events interleaved on one stream, as the follower sees them. */
const stream: StoredSource[] = (() => {
  const a = realisticCall('call-a', t0).conversation;
  const b = realisticCall('call-b', t0).conversation;
  const mixed = a.flatMap((event, i) => [event, ...(b[i] ? [b[i]] : [])]).concat(b.slice(a.length));
  return positioned(mixed).map((e) => ({ source: e.source, sequence: e.position }));
})();

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

describe('foldBatch', () => {
  it('stores the documents per-event folding stores, with one write per call per batch', async () => {
    const perEvent = memoryRepository();
    for (const stored of stream) await onSourceEvent(deps(perEvent.repository), stored);
    const batched = memoryRepository();
    const batches = chunks(stream, 7);
    for (const batch of batches) await foldBatch(deps(batched.repository), batch);

    expect(stream.length).toBeGreaterThan(10);
    expect(batched.docs.get('call-a')).toEqual(perEvent.docs.get('call-a'));
    expect(batched.docs.get('call-b')).toEqual(perEvent.docs.get('call-b'));
    expect(perEvent.writes()).toBe(stream.length);
    expect(batched.writes()).toBeLessThanOrEqual(2 * batches.length);
  });

  it('writes nothing for a replayed batch', async () => {
    const memory = memoryRepository();
    await foldBatch(deps(memory.repository), stream);
    expect(memory.writes()).toBe(2);
    expect(await foldBatch(deps(memory.repository), stream)).toEqual({
      events: stream.length,
      writes: 0,
    });
  });

  it('folds the batch again when another writer got there first, and gives up after five', async () => {
    const retried = memoryRepository(3);
    expect((await foldBatch(deps(retried.repository), stream.slice(0, 1))).writes).toBe(1);
    await expect(
      foldBatch(deps(memoryRepository(5).repository), stream.slice(0, 1)),
    ).rejects.toBeInstanceOf(ProjectionConflictError);
  });
});
