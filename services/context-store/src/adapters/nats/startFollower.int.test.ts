import { createLogger } from '@warmline/telemetry';
import { MongoClient } from 'mongodb';
import type { StoredSource } from '../../ports';
import { startHarness, type Harness } from '../../test/harness.test';
import { realisticCall } from '../../test/realisticCall.test';
import { contextCollections } from '../mongo/collections';
import { mongoCheckpointStore } from '../mongo/mongoCheckpointStore';
import { startFollower } from './startFollower';
import { sourceStreamReaders } from './sourceStreams';

let h: Harness;
let client: MongoClient;
beforeAll(async () => {
  h = await startHarness();
  client = new MongoClient(h.ferret.url);
  await client.connect();
});
afterAll(async () => {
  await client?.close();
  await h?.close();
});

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
};

describe('startFollower', () => {
  it('hands over events in batches, resumes a failed batch from its first event, and checkpoints what was stored', async () => {
    const t0 = new Date('2029-06-01T10:00:00Z');
    const sequences = await h.append([
      ...realisticCall('follow-a', t0).conversation,
      ...realisticCall('follow-b', t0).conversation,
    ]);
    const last = Math.max(...sequences);
    const checkpoints = mongoCheckpointStore(contextCollections(client.db('follower_test')));
    const lines: string[] = [];
    const log = createLogger({
      service: 'test',
      level: 'warn',
      destination: { write: (line: string) => void lines.push(line) },
    });
    const batches: number[][] = [];
    let failures = 1;
    const follower = await startFollower({
      reader: sourceStreamReaders(h.bus).conversation,
      checkpoints,
      log,
      clock: Date.now,
      retryDelayMs: 20,
      handleBatch: async (batch: readonly StoredSource[]) => {
        // the first batch is slow, so the rest arrives meanwhile; then it fails, once
        await new Promise((r) => setTimeout(r, 100));
        if (failures-- > 0) throw new Error('database down');
        batches.push(batch.map((stored) => stored.sequence));
      },
    });
    await until(() => follower.processed === last);
    await follower.stop();

    const handled = batches.flat();
    expect(handled).toEqual([...handled].sort((a, b) => a - b));
    expect(new Set(handled)).toEqual(new Set(sequences));
    expect(batches.some((batch) => batch.length > 1)).toBe(true);
    expect(lines.some((line) => line.includes('stream follower failed; resuming'))).toBe(true);
    expect(await checkpoints.load('conversation')).toBe(last);
  });
});
