import type { CheckpointStore } from '../../ports';
import type { ContextCollections } from './collections';

/** Follower checkpoints in MongoDB; `$max` keeps them from moving backwards. */
export const mongoCheckpointStore = ({ checkpoints }: ContextCollections): CheckpointStore => ({
  load: async (stream) => (await checkpoints.findOne({ _id: stream }))?.sequence ?? 0,
  save: async (stream, sequence) => {
    await checkpoints.updateOne({ _id: stream }, { $max: { sequence } }, { upsert: true });
  },
  reset: async () => {
    await checkpoints.deleteMany({});
  },
});
