import type { ContextCollections } from './collections';

/**
 * The query indexes: escalations newest first, by reason, by caller number; saves by call.
 * Uniqueness comes from `_id` (call id, request id, stream). Idempotent: run at every start.
 * Retention's `expireAt` index is made by {@link setupRetention}.
 */
export const ensureIndexes = async ({ contexts, saves }: ContextCollections): Promise<void> => {
  await contexts.createIndex({ escalatedAt: -1 }, { name: 'escalatedAt' });
  await contexts.createIndex(
    { escalationReason: 1, escalatedAt: -1 },
    { name: 'reason_escalatedAt' },
  );
  await contexts.createIndex(
    { 'call.callerNumber': 1, escalatedAt: -1 },
    { name: 'caller_escalatedAt' },
  );
  await saves.createIndex({ callId: 1 }, { name: 'callId' });
};
