import type { ActiveCall } from '../call/activeCall';
import type { WarmlineClient } from '../client/warmlineClient';
import { AuthenticationError, ConnectionError } from '../errors/warmlineError';
import { events } from '../events/eventNames';
import { CallControlTestDouble } from '../testing/callControlTestDouble';
import { eventually, pendingSnapshot, settle, testId } from '../testing/fixtures';
import { memoryLogger, testClient } from '../testing/testClient';

describe('session against the call-control test double', () => {
  let double: CallControlTestDouble;
  const clients: WarmlineClient[] = [];
  const track = (client: WarmlineClient) => (clients.push(client), client);

  beforeEach(async () => {
    double = await CallControlTestDouble.start({ heartbeatIntervalMs: 100 });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await double.stop();
  });

  it('says hello with the configuration and delivers nothing before ready', async () => {
    const client = track(testClient(double.address, { sampleRate: 24000, clientName: 'test-app' }));
    const delivered: ActiveCall[] = [];
    client.on(events.INCOMING_CALL, (call) => void delivered.push(call));
    await client.connect();
    expect(client.sessionId).toBe('session-1');
    expect(double.sessions[0]?.hello).toEqual({
      connectorIds: ['support'],
      sampleRate: 24000,
      clientName: 'test-app',
    });

    const callId = testId('call');
    double.offerCall(pendingSnapshot(callId));
    await settle(100);
    expect(delivered).toEqual([]);
    expect(double.sessions[0]?.ready).toBe(false);

    await client.ready();
    const call = await eventually(() => delivered[0], 'the call');
    expect(call).toMatchObject({
      callId,
      callerNumber: '+15550100',
      calleeNumber: '+15550199',
      state: 'PENDING',
    });
    expect(client.getCall(callId)).toBe(call);
    const media = await eventually(() => double.mediaFor(callId), 'media open');
    expect(media.sampleRate).toBe(24000);
  });

  it('runForever sends ready and resolves when the client is closed', async () => {
    const client = track(testClient(double.address));
    const running = client.runForever();
    await eventually(() => (double.sessions[0]?.ready ? true : undefined), 'ready');
    let finished = false;
    void running.then(() => (finished = true));
    await settle(50);
    expect(finished).toBe(false);
    await client.close();
    await expect(running).resolves.toBeUndefined();
  });

  it('closes with `await using`', async () => {
    {
      await using client = testClient(double.address);
      await client.ready();
      expect(double.liveSessions).toHaveLength(1);
    }
    await eventually(() => (double.liveSessions.length === 0 ? true : undefined), 'session closed');
  });

  it('refuses a bad API key with AuthenticationError, from connect and from runForever', async () => {
    const client = track(testClient(double.address, { apiKey: 'wrong' }));
    await expect(client.connect()).rejects.toBeInstanceOf(AuthenticationError);
    const other = track(testClient(double.address, { apiKey: 'wrong' }));
    await expect(other.runForever()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('gives up connecting with ConnectionError after connectTimeoutMs when nobody listens', async () => {
    const address = double.address;
    await double.stop();
    const client = track(testClient(address, { connectTimeoutMs: 300 }));
    await expect(client.connect()).rejects.toBeInstanceOf(ConnectionError);
  });

  it('sends heartbeats at the interval the welcome names', async () => {
    const client = track(testClient(double.address));
    await client.connect();
    await eventually(
      () => ((double.sessions[0]?.heartbeatsReceived ?? 0) >= 3 ? true : undefined),
      'heartbeats',
    );
  });

  it('reconnects when the platform goes silent, and says so at warn', async () => {
    const { logger, lines } = memoryLogger();
    const client = track(testClient(double.address, { logger }));
    await client.ready();
    const first = double.sessions[0];
    if (!first) throw new Error('no session');
    first.responsive = false;
    const second = await eventually(
      () => (double.sessions[1]?.ready ? double.sessions[1] : undefined),
      'a new session',
    );
    expect(second.hello?.sampleRate).toBe(16000);
    expect(
      lines.some((line) => line.level === 'warn' && line.message === 'session lost; reconnecting'),
    ).toBe(true);
  });

  it('keeps running when a handler throws, and logs it', async () => {
    const { logger, lines } = memoryLogger();
    const client = track(testClient(double.address, { logger }));
    const delivered: string[] = [];
    client.on(events.INCOMING_CALL, (call) => {
      delivered.push(call.callId);
      throw new Error('handler bug');
    });
    client.on(events.INCOMING_CALL, async () => Promise.reject(new Error('async handler bug')));
    await client.ready();
    double.offerCall(pendingSnapshot(testId('call')));
    double.offerCall(pendingSnapshot(testId('call')));
    await eventually(() => (delivered.length === 2 ? true : undefined), 'both calls');
    await settle(20);
    const failures = lines.filter((line) => line.message === 'event handler failed');
    expect(failures).toHaveLength(4);
  });

  it('splits calls between two clients on one connector, each call to exactly one', async () => {
    const seen = new Map<string, string[]>();
    for (const name of ['a', 'b']) {
      const client = track(testClient(double.address));
      client.on(
        events.INCOMING_CALL,
        (call) => void seen.set(call.callId, [...(seen.get(call.callId) ?? []), name]),
      );
      await client.ready();
    }
    await eventually(
      () => (double.liveSessions.filter((s) => s.ready).length === 2 ? true : undefined),
      'two ready',
    );
    const ids = Array.from({ length: 10 }, () => testId('call'));
    ids.forEach((id) => double.offerCall(pendingSnapshot(id)));
    await eventually(() => (seen.size === 10 ? true : undefined), 'all calls');
    await settle(50);
    expect([...seen.values()].every((takers) => takers.length === 1)).toBe(true);
    expect(new Set([...seen.values()].flat())).toEqual(new Set(['a', 'b']));
  });
});
