import { existsSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { type Db, MongoClient, MongoServerError } from 'mongodb';
import { ProcessExitedError } from './errors';
import { type FerretDbHandle, startFerretDb } from './ferretDb';
import { httpOk } from './httpOk';

interface CallDoc {
  _id: string;
  status?: string;
  turns: { text: string }[];
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The rejection of `promise`, for asserting on its fields. */
const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );

describe('startFerretDb', () => {
  let server: FerretDbHandle;
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    server = await startFerretDb();
    client = new MongoClient(server.url, { serverSelectionTimeoutMS: 5_000 });
    await client.connect();
  });
  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });
  beforeEach(() => {
    db = client.db(`t${Math.random().toString(36).slice(2, 10)}`);
  });

  it('listens on loopback, with its debug listener on another free port', async () => {
    expect(server.url).toBe(`mongodb://127.0.0.1:${server.port}/`);
    expect(isAlive(server.pid)).toBe(true);
    expect(server.debugUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.debugUrl).not.toContain(':8088');
    expect(await httpOk(`${server.debugUrl}/debug/livez`)).toBe(true);
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('stores a document with a string _id, $push-es and $set-s, and finds the pushed items', async () => {
    const calls = db.collection<CallDoc>('calls');
    expect(await calls.insertOne({ _id: 'call-1', turns: [] })).toMatchObject({
      insertedId: 'call-1',
    });

    const push = await calls.updateOne(
      { _id: 'call-1' },
      { $push: { turns: { text: 'hello' } }, $set: { status: 'ANSWERED' } },
    );
    await calls.updateOne(
      { _id: 'call-1' },
      { $push: { turns: { $each: [{ text: 'a' }, { text: 'b' }] } } },
    );

    expect(push).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await calls.findOne({ _id: 'call-1' })).toEqual({
      _id: 'call-1',
      status: 'ANSWERED',
      turns: [{ text: 'hello' }, { text: 'a' }, { text: 'b' }],
    });
    expect(await calls.find({ 'turns.text': 'b' }).toArray()).toHaveLength(1);
  });

  it('rejects a duplicate in a unique index, and a duplicate _id, with code 11000', async () => {
    const agents = db.collection<{ _id: string; phone: string }>('agents');
    await agents.createIndex({ phone: 1 }, { unique: true });
    await agents.insertOne({ _id: 'a', phone: '+4930123' });

    const byIndex = await rejectionOf(agents.insertOne({ _id: 'b', phone: '+4930123' }));
    const byId = await rejectionOf(agents.insertOne({ _id: 'a', phone: '+4930999' }));

    expect(byIndex).toBeInstanceOf(MongoServerError);
    expect(byIndex).toMatchObject({ code: 11000 });
    expect(byId).toMatchObject({ code: 11000 });
    expect(await agents.countDocuments()).toBe(1);
  });

  it('supports an append at an expected version: a stale writer gets 11000 (Emmett-style)', async () => {
    const streams = db.collection<{ _id: string; version: number; events: string[] }>('streams');
    const append = (expected: number, events: string[]) =>
      streams.updateOne(
        { _id: 'call-1', version: expected },
        { $push: { events: { $each: events } }, $inc: { version: events.length } },
        { upsert: true },
      );
    await append(0, ['started']);
    await append(1, ['answered']);

    // The filter misses, so the upsert inserts _id 'call-1' again: a conflict, not a lost write.
    expect(await rejectionOf(append(1, ['connected']))).toMatchObject({ code: 11000 });
    expect(await streams.findOne({ _id: 'call-1' })).toEqual({
      _id: 'call-1',
      version: 2,
      events: ['started', 'answered'],
    });
  });

  describe('what FerretDB 1.24 (SQLite) does not do', () => {
    it('TTL indexes: createIndex with expireAfterSeconds fails with 238 NotImplemented', async () => {
      const timers = db.collection('timers');
      const error = await rejectionOf(
        timers.createIndex({ expireAt: 1 }, { expireAfterSeconds: 0 }),
      );
      expect(error).toBeInstanceOf(MongoServerError);
      expect(error).toMatchObject({
        code: 238,
        codeName: 'NotImplemented',
        message: 'Index option "expireAfterSeconds" is not implemented yet',
      });
      // A plain index on the same field works: expire with a periodic deleteMany instead.
      expect(await timers.createIndex({ expireAt: 1 })).toBe('expireAt_1');
    });

    it('change streams: watch() fails with 238 NotImplemented', async () => {
      const stream = db.collection('calls').watch();
      try {
        expect(await rejectionOf(stream.tryNext())).toMatchObject({
          code: 238,
          codeName: 'NotImplemented',
          message: '`aggregate` stage "$changeStream" is not implemented yet',
        });
      } finally {
        await stream.close();
      }
    });

    it('transactions: withTransaction fails with 9 FailedToParse (it rejects "autocommit")', async () => {
      const calls = db.collection<CallDoc>('calls');
      const session = client.startSession();
      try {
        const error = await rejectionOf(
          session.withTransaction(async () => {
            await calls.insertOne({ _id: 'in-tx', turns: [] }, { session });
          }),
        );
        expect(error).toMatchObject({
          code: 9,
          codeName: 'FailedToParse',
          message: 'insert: unknown field "autocommit"',
        });
      } finally {
        await session.endSession();
      }
      expect(await calls.findOne({ _id: 'in-tx' })).toBeNull();
    });
  });
});

describe('startFerretDb instances', () => {
  it('run side by side on different ports, and stop() ends each by PID and removes its data', async () => {
    const servers = await Promise.all([startFerretDb(), startFerretDb()]);
    const started = servers.map(({ pid, dataDir }) => ({ pid, dataDir }));
    try {
      const [a, b] = servers;
      expect(new Set([a.port, b.port, a.debugUrl, b.debugUrl]).size).toBe(4);
      expect(started.every(({ pid }) => isAlive(pid))).toBe(true);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
    for (const { pid, dataDir } of started) {
      expect(isAlive(pid)).toBe(false);
      expect(existsSync(dataDir)).toBe(false);
    }
  });

  it("gives up after its attempts when the port stays taken, with FerretDB's own message", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const error = await rejectionOf(
        startFerretDb({ attempts: 2, args: [`--listen-addr=127.0.0.1:${port}`] }),
      );
      expect(error).toBeInstanceOf(ProcessExitedError);
      expect((error as ProcessExitedError).output).toContain(
        `listen tcp 127.0.0.1:${port}: bind: address already in use`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('does not retry a failure that is not a port clash', async () => {
    const error = await rejectionOf(startFerretDb({ args: ['--handler=nonsense'] }));
    expect(error).toBeInstanceOf(ProcessExitedError);
    expect((error as ProcessExitedError).output).toContain('unknown handler \\"nonsense\\"');
  });

  it('restart() after kill() serves the same data on the same port', async () => {
    await using server = await startFerretDb();
    const firstPid = server.pid;
    const write = new MongoClient(server.url);
    try {
      await write.db('keep').collection<{ _id: string }>('calls').insertOne({ _id: 'call-1' });
    } finally {
      await write.close();
    }

    await server.kill();
    expect(isAlive(firstPid)).toBe(false);
    await server.restart();

    const read = new MongoClient(server.url);
    try {
      expect(await read.db('keep').collection('calls').findOne({})).toEqual({ _id: 'call-1' });
    } finally {
      await read.close();
    }
  });
});
