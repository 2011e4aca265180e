import { createLogger } from '@warmline/telemetry';
import { TtlUnsupportedError } from '../../errors';
import { eventsFor } from '../../test/events.test';
import { startHarness, type Harness } from '../../test/harness.test';
import { contextCollections } from './collections';
import { setupRetention } from './setupRetention';

const RETENTION_MS = 60_000;
let now = Date.now();
let h: Harness;

/** A call that only started: one event at `at`. */
const callAt = (callId: string, at: Date) =>
  eventsFor(callId, at).call(0, {
    $case: 'started',
    value: { callerNumber: '+15550001234', connectorId: 'c' },
  });

beforeAll(async () => {
  h = await startHarness(
    {
      retention: {
        enabled: true,
        retentionMs: RETENTION_MS,
        mode: 'auto',
        sweepIntervalMs: 3_600_000,
      },
    },
    () => now,
  );
});
afterAll(() => h?.close());

describe('retention on FerretDB (no TTL indexes)', () => {
  it('falls back to the periodic sweep, and says so in the log', () => {
    expect(h.endpoints.retention).toBe('sweep');
    expect(h.logLines.some((line) => line.includes('retention by periodic sweep'))).toBe(true);
  });

  it('the sweep deletes a context once its expireAt has passed, and keeps the others', async () => {
    await h.append([callAt('call-old', new Date(now))]);
    await h.app.caughtUp();
    const stored = await h.rawDoc('call-old');
    expect(stored?.expireAt).toEqual(new Date(now + RETENTION_MS));

    now += RETENTION_MS + 1_000;
    await h.append([callAt('call-new', new Date(now))]);
    await h.app.caughtUp();
    expect(await h.app.sweepExpired()).toBe(1);
    expect(await h.rawDoc('call-old')).toBeNull();
    expect(await h.rawDoc('call-new')).not.toBeNull();
  });

  it('a replay of the event log does not bring an expired context back', async () => {
    await h.restartApp(() =>
      h.db
        .collection('projection_checkpoints')
        .deleteMany({})
        .then(() => undefined),
    );
    await h.app.caughtUp();
    expect(await h.rawDoc('call-old')).toBeNull();
    expect(await h.rawDoc('call-new')).not.toBeNull();
  });

  it('refuses to start when TTL indexes are required and the server has none', async () => {
    const log = createLogger({ service: 'test', level: 'silent' });
    await expect(
      setupRetention({
        collections: contextCollections(h.db.client.db(`${h.config.databaseName}_ttl`)),
        config: { enabled: true, retentionMs: RETENTION_MS, mode: 'ttl', sweepIntervalMs: 60_000 },
        log,
        clock: () => now,
      }),
    ).rejects.toBeInstanceOf(TtlUnsupportedError);
  });
});
