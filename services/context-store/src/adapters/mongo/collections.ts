import type { Collection, Db } from 'mongodb';
import type { ContextDoc, SourceStream } from '../../domain';
import type { SaveRecord } from '../../ports';

/** One checkpoint per source stream. */
export interface CheckpointDoc {
  readonly _id: SourceStream;
  readonly sequence: number;
}

/** The collections of context-store's database. */
export interface ContextCollections {
  /** One document per call, `_id` = call id (unique: a stale creator gets E11000). */
  readonly contexts: Collection<ContextDoc>;
  /** Where each stream follower resumes. */
  readonly checkpoints: Collection<CheckpointDoc>;
  /** SaveContext requests answered, `_id` = request id (unique). */
  readonly saves: Collection<SaveRecord>;
}

/** Collection names, fixed: a rebuild drops `contexts` and `checkpoints` by name. */
export const CollectionNames = {
  contexts: 'contexts',
  checkpoints: 'projection_checkpoints',
  saves: 'context_saves',
} as const;

/** The typed collections in `db`. */
export const contextCollections = (db: Db): ContextCollections => ({
  contexts: db.collection<ContextDoc>(CollectionNames.contexts),
  checkpoints: db.collection<CheckpointDoc>(CollectionNames.checkpoints),
  saves: db.collection<SaveRecord>(CollectionNames.saves),
});
