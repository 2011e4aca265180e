import { AgentMode, TerminationReason, Transport } from '@warmline/contracts';
import { eventsFor } from '../../test/events.test';
import { foldDoc, positioned } from '../../test/fold.test';

const T0 = new Date('2029-06-01T10:00:00Z');
const e = eventsFor('call-c', T0);
const started = e.call(0, {
  $case: 'started',
  value: {
    callerNumber: '+15550001111',
    calleeNumber: '+15550002222',
    connectorId: 'c1',
    transport: Transport.TRANSPORT_SIP,
  },
});
const after = (...more: Parameters<typeof e.call>[]) =>
  foldDoc(positioned([started, ...more.map(([at, payload]) => e.call(at, payload))]));

describe('foldCallEvent, one event kind at a time', () => {
  it('started: caller, callee, connector, transport, PENDING, start time', () => {
    expect(foldDoc(positioned([started])).call).toEqual({
      callerNumber: '+15550001111',
      calleeNumber: '+15550002222',
      connectorId: 'c1',
      transport: 'TRANSPORT_SIP',
      handler: 'CALL_HANDLER_UNSPECIFIED',
      state: 'CALL_STATE_PENDING',
      startedAt: T0,
    });
  });

  it('answerRequested: only the position moves', () => {
    const doc = after([10, { $case: 'answerRequested', value: {} }]);
    expect(doc.timeline.map((t) => t.kind)).toEqual(['call.started']);
    expect(doc.positions.call).toBe(6);
  });

  it('answered: ANSWERED with its time', () => {
    const doc = after([20, { $case: 'answered', value: {} }]);
    expect(doc.call).toMatchObject({
      state: 'CALL_STATE_ANSWERED',
      answeredAt: new Date(T0.getTime() + 20),
    });
  });

  it('answerFailed: a timeline line with the error code, state unchanged', () => {
    const doc = after([20, { $case: 'answerFailed', value: { errorCode: 'CARRIER_ERROR' } }]);
    expect(doc.call.state).toBe('CALL_STATE_PENDING');
    expect(doc.timeline.at(-1)).toMatchObject({
      kind: 'call.answer-failed',
      detail: 'CARRIER_ERROR',
    });
  });

  it('connectRequested, connectRinging, connected: the callee leg with its handoff data', () => {
    const doc = after(
      [
        30,
        {
          $case: 'connectRequested',
          value: {
            ringTimeSeconds: 45,
            calleeLegId: 'leg',
            destination: '+15550002222',
            handoffData: { contextId: 'call-c' },
          },
        },
      ],
      [40, { $case: 'connectRinging', value: { calleeLegId: 'leg' } }],
      [50, { $case: 'connected', value: { calleeLegId: 'leg' } }],
    );
    expect(doc.call.state).toBe('CALL_STATE_CONNECTED');
    expect(doc.call.connect).toEqual({
      status: 'connected',
      calleeLegId: 'leg',
      requestedAt: new Date(T0.getTime() + 30),
      ringingAt: new Date(T0.getTime() + 40),
      connectedAt: new Date(T0.getTime() + 50),
      handoffData: { contextId: 'call-c' },
    });
    expect(doc.timeline.map((t) => t.detail)).toEqual(['TRANSPORT_SIP', 'ring 45 s', '', '']);
    expect(JSON.stringify(doc.timeline)).not.toContain('+1555');
  });

  it('connectFailed: the leg failed with its code, the call stays', () => {
    const doc = after(
      [30, { $case: 'connectRequested', value: { calleeLegId: 'leg' } }],
      [90, { $case: 'connectFailed', value: { errorCode: 'CALL_UNANSWERED' } }],
    );
    expect(doc.call.connect).toMatchObject({ status: 'failed', errorCode: 'CALL_UNANSWERED' });
    expect(doc.call.state).toBe('CALL_STATE_PENDING');
  });

  it('agentModeChanged: the mode', () => {
    const doc = after([
      60,
      { $case: 'agentModeChanged', value: { mode: AgentMode.AGENT_MODE_WHISPER } },
    ]);
    expect(doc.call.agentMode).toBe('AGENT_MODE_WHISPER');
  });

  it('terminated and bridgeEnded: DISCONNECTED, end time and reasons', () => {
    const doc = after(
      [
        70,
        { $case: 'terminated', value: { reason: TerminationReason.TERMINATION_REASON_AGENT_LEFT } },
      ],
      [
        99,
        {
          $case: 'bridgeEnded',
          value: { reason: TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP },
        },
      ],
    );
    expect(doc.call).toMatchObject({
      state: 'CALL_STATE_DISCONNECTED',
      endedAt: new Date(T0.getTime() + 70),
      terminationReason: 'TERMINATION_REASON_AGENT_LEFT',
    });
    expect(doc.timeline.at(-1)).toMatchObject({
      kind: 'call.bridge-ended',
      detail: 'TERMINATION_REASON_CALLER_HUNG_UP',
    });
  });

  it('dtmfReceived: a timeline line without the digit (callers key in card numbers)', () => {
    const doc = after([5, { $case: 'dtmfReceived', value: { digit: '7', durationMs: 120 } }]);
    expect(doc.timeline.at(-1)).toMatchObject({ kind: 'call.dtmf', detail: '' });
    expect(JSON.stringify(doc)).not.toContain('"7"');
  });
});
