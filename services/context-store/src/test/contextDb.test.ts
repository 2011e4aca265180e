import { type FerretDbHandle, startFerretDb } from '@warmline/testing';
import { MongoClient } from 'mongodb';
import { type ContextCollections, contextCollections } from '../adapters/mongo/collections';
import { ensureIndexes } from '../adapters/mongo/ensureIndexes';
import { type ContextDoc, emptyContext } from '../domain';

/** A FerretDB with the context collections and their indexes, for repository-level tests. */
export interface ContextDb {
  readonly client: MongoClient;
  readonly collections: ContextCollections;
  stop(): Promise<void>;
}

export const startContextDb = async (dbName: string): Promise<ContextDb> => {
  const ferret: FerretDbHandle = await startFerretDb();
  const client = new MongoClient(ferret.url, { ignoreUndefined: true });
  await client.connect();
  const collections = contextCollections(client.db(dbName));
  await ensureIndexes(collections);
  return {
    client,
    collections,
    stop: async () => {
      await client.close();
      await ferret.stop();
    },
  };
};

const at = new Date('2029-06-01T10:00:00Z');

/** An empty context for `callId` folded up to call-stream position `call`. */
export const contextAt = (callId: string, call: number): ContextDoc => ({
  ...emptyContext(callId, at),
  positions: { call, conversation: 0, escalation: 0 },
});
