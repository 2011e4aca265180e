import { BSON, type MongoClient } from 'mongodb';
import type { ContextRepository } from '../../ports';
import { type ContextDb, contextAt as doc, startContextDb } from '../../test/contextDb.test';
import { mongoContextRepository } from './mongoContextRepository';

let db: ContextDb;
let client: MongoClient;
let repository: ContextRepository;

beforeAll(async () => {
  db = await startContextDb('repository_test');
  client = db.client;
  repository = mongoContextRepository(db.collections);
});
afterAll(async () => {
  await db?.stop();
});

describe('mongoContextRepository writes', () => {
  it('creates a context once: a second creator of the same call id loses (unique _id)', async () => {
    expect(await repository.save(undefined, doc('c1', 3))).toBe(true);
    expect(await repository.save(undefined, doc('c1', 5))).toBe(false);
    expect((await repository.load('c1'))?.positions.call).toBe(3);
  });

  it('replaces only from the positions it was folded from: a stale writer loses', async () => {
    expect(await repository.save(doc('c1', 3), doc('c1', 6))).toBe(true);
    expect(await repository.save(doc('c1', 3), doc('c1', 9))).toBe(false);
    expect((await repository.load('c1'))?.positions.call).toBe(6);
  });

  it('stores exactly `next`, key order included, whether fields stay, are added or removed', async () => {
    const raw = async (id: string) =>
      BSON.EJSON.stringify(
        await client
          .db('repository_test')
          .collection<{ _id: string }>('contexts')
          .findOne({ _id: id }),
      );
    const first = { ...doc('k1', 1), turns: [] };
    expect(await repository.save(undefined, first)).toBe(true);
    // same fields: an update of every field
    const same = { ...doc('k1', 2), lastEventAt: new Date('2029-06-01T10:05:00Z') };
    expect(await repository.save(first, same)).toBe(true);
    expect(await raw('k1')).toBe(BSON.EJSON.stringify(same));
    // a field added (a replace), then removed again
    const added = { ...same, positions: { ...same.positions, call: 3 }, outcome: 'CONNECTED' };
    expect(await repository.save(same, added)).toBe(true);
    expect(await raw('k1')).toBe(BSON.EJSON.stringify(added));
    const removed = { ...same, positions: { ...same.positions, call: 4 } };
    expect(await repository.save(added, removed)).toBe(true);
    expect(await raw('k1')).toBe(BSON.EJSON.stringify(removed));
    // a stale writer loses on the update path too
    expect(
      await repository.save(same, { ...removed, positions: { ...removed.positions, call: 9 } }),
    ).toBe(false);
  });

  it('round-trips the document unchanged', async () => {
    expect(await repository.load('c1')).toEqual(doc('c1', 6));
    expect(await repository.load('c-missing')).toBeUndefined();
  });
});
