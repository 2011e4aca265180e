import { type Db, MongoClient } from 'mongodb';

/** A connected client and the service's database. */
export interface MongoConnection {
  readonly client: MongoClient;
  readonly db: Db;
  close(): Promise<void>;
}

/**
 * Connects with the settings the context store relies on: majority writes that wait for the
 * journal (a replica set keeps an acknowledged context through a failover), retryable writes,
 * and `ignoreUndefined` so an absent field is never stored as null.
 */
export const connectMongo = async (url: string, databaseName: string): Promise<MongoConnection> => {
  const client = new MongoClient(url, {
    appName: 'context-store',
    ignoreUndefined: true,
    retryWrites: true,
    writeConcern: { w: 'majority', journal: true },
    serverSelectionTimeoutMS: 5_000,
  });
  await client.connect();
  return { client, db: client.db(databaseName), close: () => client.close() };
};
