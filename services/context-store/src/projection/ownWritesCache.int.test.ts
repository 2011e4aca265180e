import type { ContextCollections } from '../adapters/mongo/collections';
import { mongoContextRepository } from '../adapters/mongo/mongoContextRepository';
import type { ContextRepository } from '../ports';
import { type ContextDb, contextAt as doc, startContextDb } from '../test/contextDb.test';
import { ownWritesCache } from './ownWritesCache';

let db: ContextDb;
let collections: ContextCollections;
/** Another writer (a second replica) on the same database. */
let other: ContextRepository;

beforeAll(async () => {
  db = await startContextDb('own_writes_cache_test');
  collections = db.collections;
  other = mongoContextRepository(collections);
});
afterAll(async () => {
  await db?.stop();
});

describe('ownWritesCache', () => {
  it('answers a load with its own last write, and recovers when another writer moved the document', async () => {
    const cached = ownWritesCache(mongoContextRepository(collections));
    expect(await cached.save(undefined, doc('a1', 1))).toBe(true);
    expect(await other.save(doc('a1', 1), doc('a1', 2))).toBe(true);
    // from memory: the other writer's change is not seen yet
    const stale = await cached.load('a1');
    expect(stale?.positions.call).toBe(1);
    // the guarded write misses, the entry is dropped, the retry reads the database
    expect(await cached.save(stale, doc('a1', 3))).toBe(false);
    const fresh = await cached.load('a1');
    expect(fresh?.positions.call).toBe(2);
    expect(await cached.save(fresh, doc('a1', 3))).toBe(true);
    expect((await other.load('a1'))?.positions.call).toBe(3);
  });

  it('recreates a document the retention sweep deleted meanwhile', async () => {
    const cached = ownWritesCache(mongoContextRepository(collections));
    expect(await cached.save(undefined, doc('a2', 1))).toBe(true);
    await collections.contexts.deleteOne({ _id: 'a2' });
    expect(await cached.save(await cached.load('a2'), doc('a2', 2))).toBe(false);
    expect(await cached.load('a2')).toBeUndefined();
    expect(await cached.save(undefined, doc('a2', 2))).toBe(true);
    expect((await other.load('a2'))?.positions.call).toBe(2);
  });

  it('keeps at most `capacity` calls, dropping the least recently used', async () => {
    const cached = ownWritesCache(mongoContextRepository(collections), 1);
    expect(await cached.save(undefined, doc('a3', 1))).toBe(true);
    expect(await cached.save(undefined, doc('a4', 1))).toBe(true);
    expect(await other.save(doc('a3', 1), doc('a3', 5))).toBe(true);
    expect(await other.save(doc('a4', 1), doc('a4', 5))).toBe(true);
    // a4 still from memory; a3 was dropped when a4 came in: read from the database
    expect((await cached.load('a4'))?.positions.call).toBe(1);
    expect((await cached.load('a3'))?.positions.call).toBe(5);
  });
});
