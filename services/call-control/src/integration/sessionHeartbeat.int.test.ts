import { status } from '@grpc/grpc-js';
import { waitFor } from '@warmline/testing';
import { ready } from '../testSupport/sdkCall';
import { useCallControl } from '../testSupport/useCallControl';

const INTERVAL_MS = 200;
const cc = useCallControl({ heartbeatIntervalMs: INTERVAL_MS });

describe('session heartbeats', () => {
  it('the server beats; a silent client is closed, a beating one is kept', async () => {
    const silent = cc.client().openSession(['connector-1']);
    const beating = cc.client().openSession(['connector-1']);
    const welcome = await beating.next((m) =>
      m.message?.$case === 'welcome' ? m.message.value : undefined,
    );
    expect(welcome.heartbeatIntervalMs).toBe(INTERVAL_MS);
    await ready(silent);
    const beat = setInterval(
      () => beating.send({ message: { $case: 'heartbeat', value: { sentAtMs: Date.now() } } }),
      INTERVAL_MS / 2,
    );
    try {
      const ended = await silent.ended();
      expect(ended.code).toBe(status.DEADLINE_EXCEEDED);
      expect(ended.details).toContain('no message from the client');
      expect(silent.received.some((m) => m.message?.$case === 'heartbeat')).toBe(true);
      expect(beating.status).toBeUndefined();
      await waitFor(() =>
        beating.received.filter((m) => m.message?.$case === 'heartbeat').length >= 3
          ? true
          : undefined,
      );
      expect(beating.status).toBeUndefined();
    } finally {
      clearInterval(beat);
      beating.end();
    }
  });
});
