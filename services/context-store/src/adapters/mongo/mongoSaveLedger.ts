import type { SaveLedger } from '../../ports';
import type { ContextCollections } from './collections';
import { isDuplicateKey } from './mongoErrors';

/** SaveContext answers in MongoDB, one document per request id. */
export const mongoSaveLedger = ({ saves }: ContextCollections): SaveLedger => ({
  recordOnce: async (record) => {
    try {
      await saves.insertOne(record);
      return record;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Asked before (or by a parallel instance just now): give the same answer.
      return (await saves.findOne({ _id: record._id })) ?? record;
    }
  },
  markPublished: async (requestId, sequence) => {
    await saves.updateOne({ _id: requestId }, { $set: { publishedSeq: sequence } });
  },
});
