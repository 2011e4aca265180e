import { createLogger } from '@warmline/telemetry';
import { type ContextDoc, DEFAULT_REDACTION, type Positions } from '../domain';
import { ProjectionConflictError } from '../errors';
import { createEscalationFeed } from '../live/escalationFeed';
import { KeyedQueue } from '@warmline/bus';
import type { ContextRepository } from '../ports';
import { positioned } from '../test/fold.test';
import { realisticCall } from '../test/realisticCall.test';
import { onSourceEvent, type ProjectionDeps } from './onSourceEvent';

/** An in-memory repository whose first `conflicts` writes lose, as if another replica wrote first. */
const memoryRepository = (conflicts = 0): ContextRepository & { docs: Map<string, ContextDoc> } => {
  const docs = new Map<string, ContextDoc>();
  let losing = conflicts;
  const same = (a: Positions | undefined, b: Positions | undefined) =>
    JSON.stringify(a) === JSON.stringify(b);
  return {
    docs,
    load: async (id) => docs.get(id),
    save: async (expected, next) => {
      if (losing-- > 0 || !same(expected?.positions, docs.get(next._id)?.positions)) return false;
      docs.set(next._id, next);
      return true;
    },
    listEscalations: async () => [...docs.values()],
  };
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

const events = positioned(realisticCall('call-p', new Date('2029-06-01T10:00:00Z')).conversation);

describe('onSourceEvent', () => {
  it('applies new events and reports redeliveries as duplicates', async () => {
    const repository = memoryRepository();
    const outcomes = [];
    for (const e of events)
      outcomes.push(
        await onSourceEvent(deps(repository), { source: e.source, sequence: e.position }),
      );
    const [first] = events;
    if (!first) throw new Error('fixture');
    expect(outcomes.every((o) => o === 'applied')).toBe(true);
    expect(
      await onSourceEvent(deps(repository), { source: first.source, sequence: first.position }),
    ).toBe('duplicate');
  });

  it('folds again after losing a write to another replica, and gives up after five losses', async () => {
    const [first] = events;
    if (!first) throw new Error('fixture');
    const stored = { source: first.source, sequence: first.position };
    expect(await onSourceEvent(deps(memoryRepository(2)), stored)).toBe('applied');
    await expect(onSourceEvent(deps(memoryRepository(5)), stored)).rejects.toBeInstanceOf(
      ProjectionConflictError,
    );
  });
});
