import type { ContextDoc } from '../domain';
import type { ContextRepository } from '../ports';

/** How many calls' documents are kept by default: well above the calls one replica carries. */
export const DEFAULT_CACHED_CALLS = 2000;

/**
 * The projection's repository with the documents this process last read or wrote kept in memory,
 * so folding an event costs one database write instead of a read and a write. Correctness stays
 * with the guarded write: every applied event advances the positions, so a document another writer
 * (a replica, the retention sweep) changed meanwhile makes the replace miss; the entry is then
 * dropped and the caller's retry reads the database. Documents are never mutated (the fold is
 * pure), so sharing them is safe. At most `capacity` calls are kept, least recently used dropped.
 */
export const ownWritesCache = (
  inner: ContextRepository,
  capacity = DEFAULT_CACHED_CALLS,
): ContextRepository => {
  const docs = new Map<string, ContextDoc>();
  const remember = (callId: string, doc: ContextDoc): void => {
    docs.delete(callId);
    docs.set(callId, doc);
    if (docs.size > capacity) docs.delete(docs.keys().next().value!);
  };
  return {
    load: async (callId) => {
      const cached = docs.get(callId);
      if (cached) {
        remember(callId, cached);
        return cached;
      }
      const doc = await inner.load(callId);
      if (doc) remember(callId, doc);
      return doc;
    },
    save: async (expected, next) => {
      docs.delete(next._id);
      const saved = await inner.save(expected, next);
      if (saved) remember(next._id, next);
      return saved;
    },
    listEscalations: (query) => inner.listEscalations(query),
  };
};
