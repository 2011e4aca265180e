import { MediaClock } from '../media/clock/mediaClock';
import { calleeFailureFor, peerOfUri } from './calleeLeg';
import { sipDestinationAllowed, sipRouteFor } from './sipSettings';
import { ThreePartyBridge } from './threePartyBridge';

const frame = (value: number, samples = 160): Int16Array => new Int16Array(samples).fill(value);

/** A bridge whose clock never fires: the test calls tick() itself. */
const bridgeUnderTest = () => {
  const clock = new MediaClock();
  const heard = { caller: [] as number[], callee: [] as number[], agent: [] as number[] };
  const bridge = new ThreePartyBridge(
    clock,
    { sendAudio: (s) => heard.caller.push(s[0] ?? NaN) },
    { sendAudio: (s) => heard.callee.push(s[0] ?? NaN) },
    (s) => heard.agent.push(s[0] ?? NaN),
  );
  bridge.start();
  clock.stop();
  return { bridge, heard };
};

describe('ThreePartyBridge', () => {
  it('mixes by mode: barge, whisper, spy, then bridge (agent gone for good)', () => {
    const { bridge, heard } = bridgeUnderTest();
    const step = () => {
      bridge.callerAudio(frame(100));
      bridge.calleeAudio(frame(20));
      bridge.agentTransport.sendAudio(frame(3));
      bridge.tick(0);
    };
    step();
    bridge.setMode('whisper');
    step();
    bridge.setMode('spy');
    step();
    bridge.setMode('bridge');
    step();
    bridge.setMode('barge'); // ignored: the agent left
    step();
    expect(heard.caller).toEqual([23, 20, 20, 20, 20]);
    expect(heard.callee).toEqual([103, 103, 100, 100, 100]);
    expect(heard.agent).toEqual([120, 120, 120]);
  });

  it('re-frames odd lengths into 20 ms frames, keeps at most 60 ms per party, and fills gaps with silence', () => {
    const { bridge, heard } = bridgeUnderTest();
    bridge.callerAudio(frame(1, 100));
    bridge.callerAudio(frame(1, 60)); // 160 now
    for (let i = 2; i <= 6; i++) bridge.callerAudio(frame(i)); // 5 more: the oldest are dropped
    for (let t = 0; t < 4; t++) bridge.tick(t * 20);
    expect(heard.callee).toEqual([4, 5, 6, 0]);
  });
});

describe('callee leg outcomes', () => {
  it('maps final statuses to connect failure codes, keeping the status', () => {
    expect(calleeFailureFor(486, 'Busy Here')).toMatchObject({
      errorCode: 'CALLEE_BUSY',
      status: 486,
    });
    expect(calleeFailureFor(600, 'Busy Everywhere').errorCode).toBe('CALLEE_BUSY');
    expect(calleeFailureFor(603, 'Decline')).toMatchObject({
      errorCode: 'CALLEE_DECLINED',
      status: 603,
    });
    expect(calleeFailureFor(408, 'Request Timeout').errorCode).toBe('CALL_UNANSWERED');
    expect(calleeFailureFor(480, 'Temporarily Unavailable').errorCode).toBe('CALL_UNANSWERED');
    expect(calleeFailureFor(404, 'Not Found')).toMatchObject({
      errorCode: 'CALLEE_UNREACHABLE',
      status: 404,
    });
  });

  it('sends to the URI host and port, over TCP only when the URI says so', () => {
    expect(peerOfUri('sip:bob@127.0.0.1:5080')).toEqual({
      transport: 'UDP',
      address: '127.0.0.1',
      port: 5080,
    });
    expect(peerOfUri('sip:desk@192.0.2.7;transport=tcp')).toEqual({
      transport: 'TCP',
      address: '192.0.2.7',
      port: 5060,
    });
  });
});

describe('SIP routes and the transfer allowlist', () => {
  const routes = [
    { user: '+15550001111', connectorId: 'c1', transferDestinations: ['sip:desk@pbx.example.com'] },
    { user: '*', connectorId: 'fallback', transferDestinations: [] },
  ];

  it('routes by Request-URI user, then the wildcard', () => {
    expect(sipRouteFor(routes, '+15550001111')?.connectorId).toBe('c1');
    expect(sipRouteFor(routes, 'other')?.connectorId).toBe('fallback');
    expect(sipRouteFor(routes.slice(0, 1), 'other')).toBeUndefined();
  });

  it('allows only configured destinations, compared exactly', () => {
    const [route] = routes;
    expect(sipDestinationAllowed(route!, 'sip:desk@pbx.example.com')).toBe(true);
    expect(sipDestinationAllowed(route!, 'sip:desk@pbx.example.com;transport=tcp')).toBe(false);
    expect(sipDestinationAllowed(route!, 'sip:+19005550000@pbx.example.com')).toBe(false);
  });
});
