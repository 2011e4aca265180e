import type { ActiveCall } from '../call/activeCall';
import { WarmlineClient } from './warmlineClient';
import { events } from '../events/eventNames';

describe('handler typing (compile-time)', () => {
  it('gives handlers the call and the detail of their event', async () => {
    const client = new WarmlineClient({
      address: '127.0.0.1:1',
      sampleRate: 16000,
      auth: { kind: 'apiKey', apiKey: 'k' },
    });
    const reasons: string[] = [];
    client.on(events.INCOMING_CALL, async (call: ActiveCall) => {
      call.on(events.CALL_TERMINATED, (_c, detail) => void reasons.push(detail.reason));
      call.on(events.CALL_DTMF, (_c, { digit }) => void reasons.push(digit));
    });
    client.on(events.CALL_CONNECT_FAILED, (_call, detail) => void reasons.push(detail.errorCode));
    client.on(events.CALL_ANSWERED, (call) => void reasons.push(call.callId));
    await client.close();
    expect(reasons).toEqual([]);
  });
});
