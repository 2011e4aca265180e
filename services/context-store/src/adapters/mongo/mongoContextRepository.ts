import type { Filter } from 'mongodb';
import { type ContextDoc, NO_EVENT_IDS } from '../../domain';
import type { ContextRepository, EscalationQuery } from '../../ports';
import type { ContextCollections } from './collections';
import { isDuplicateKey } from './mongoErrors';

const escalationFilter = (query: EscalationQuery): Filter<ContextDoc> => ({
  escalatedAt: query.since ? { $exists: true, $gte: query.since } : { $exists: true },
  ...(query.reason ? { escalationReason: query.reason } : {}),
  ...(query.outcome ? { outcome: query.outcome } : {}),
  ...(query.callerNumber ? { 'call.callerNumber': query.callerNumber } : {}),
});

/**
 * Context documents in MongoDB. A write is one single-document operation guarded by the
 * positions it was folded from (optimistic concurrency, no transactions): an insert that meets
 * an existing call id, or a replace whose positions moved on, reports a conflict.
 */
export const mongoContextRepository = ({ contexts }: ContextCollections): ContextRepository => ({
  load: async (callId) => {
    const doc = await contexts.findOne({ _id: callId });
    if (!doc) return undefined;
    // Documents written before event ids were kept have none: ids are recorded from now on.
    return (doc as Partial<ContextDoc>).eventIds ? doc : { ...doc, eventIds: NO_EVENT_IDS };
  },

  save: async (expected, next) => {
    try {
      if (!expected) {
        await contexts.insertOne(next);
        return true;
      }
      const result = await contexts.replaceOne(
        {
          _id: next._id,
          'positions.call': expected.call,
          'positions.conversation': expected.conversation,
          'positions.escalation': expected.escalation,
        },
        next,
      );
      return result.matchedCount === 1;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  },

  listEscalations: (query) =>
    contexts
      .find(escalationFilter(query))
      .sort({ escalatedAt: -1, _id: 1 })
      .limit(query.limit)
      .toArray(),
});
