import {
  AgentMode as ProtoAgentMode,
  type CallEvent,
  TerminationReason as ProtoTerminationReason,
} from '@warmline/contracts';
import { CallEventName } from '../events/eventNames';
import { type CallView, pendingView } from './callView';
import { foldCallEvent } from './foldCallEvent';
import { foldReportedState } from './foldCallState';

let seq = 0;
const event = (payload: NonNullable<CallEvent['payload']>): CallEvent => ({
  eventId: `e${++seq}`,
  callId: 'c1',
  occurredAt: new Date(0),
  causationId: '',
  correlationId: 'c1',
  payload,
});

const started = () =>
  event({
    $case: 'started',
    value: {
      callerNumber: '+1',
      calleeNumber: '+2',
      connectorId: 'k',
      transport: 0,
      gatewayId: 'g',
      handler: 0,
      carrierCallId: '',
      customParameters: {},
    },
  });
const answered = () => event({ $case: 'answered', value: {} });
const connectRequested = () =>
  event({
    $case: 'connectRequested',
    value: { ringTimeSeconds: 60, destination: 'sip:x', calleeLegId: 'leg', handoffData: {} },
  });
const connected = () => event({ $case: 'connected', value: { calleeLegId: 'leg' } });
const terminated = (reason = ProtoTerminationReason.TERMINATION_REASON_CALLER_HUNG_UP) =>
  event({ $case: 'terminated', value: { reason, detail: 'bye' } });

function run(events: CallEvent[], from: CallView = pendingView) {
  let view = from;
  const names: string[] = [];
  for (const e of events) {
    const folded = foldCallEvent(view, e);
    view = folded.view;
    names.push(...folded.notices.map((n) => n.name));
  }
  return { view, names };
}

describe('foldCallEvent: state tracking from events', () => {
  it('follows answer, connect and the agent leaving', () => {
    const { view, names } = run([
      started(),
      event({ $case: 'answerRequested', value: {} }),
      answered(),
      connectRequested(),
      event({ $case: 'connectRinging', value: { calleeLegId: 'leg' } }),
      connected(),
      event({ $case: 'agentModeChanged', value: { mode: ProtoAgentMode.AGENT_MODE_WHISPER } }),
      terminated(ProtoTerminationReason.TERMINATION_REASON_AGENT_LEFT),
      event({
        $case: 'bridgeEnded',
        value: { reason: ProtoTerminationReason.TERMINATION_REASON_CALLEE_HUNG_UP },
      }),
    ]);
    expect(names).toEqual([
      CallEventName.CALL_ANSWERED,
      CallEventName.CALL_RINGING,
      CallEventName.CALL_CONNECTED,
      CallEventName.CALL_MODE_CHANGED,
      CallEventName.CALL_TERMINATED,
    ]);
    expect(view).toEqual({
      state: 'DISCONNECTED',
      mode: 'WHISPER',
      connectPending: false,
      terminationReason: 'AGENT_LEFT',
    });
  });

  it('sets mode BARGE on connect and tracks a pending connect', () => {
    const ringing = run([answered(), connectRequested()]);
    expect(ringing.view).toMatchObject({
      state: 'ANSWERED',
      connectPending: true,
      mode: undefined,
    });
    const { view } = run([connected()], ringing.view);
    expect(view).toMatchObject({ state: 'CONNECTED', connectPending: false, mode: 'BARGE' });
  });

  it('keeps the state on answer and connect failures, with their codes', () => {
    const folded = foldCallEvent(
      { ...pendingView, state: 'ANSWERED', connectPending: true },
      event({
        $case: 'connectFailed',
        value: { errorCode: 'CALL_UNANSWERED', errorMessage: 'no answer', carrierStatus: 408 },
      }),
    );
    expect(folded.view).toMatchObject({ state: 'ANSWERED', connectPending: false });
    expect(folded.notices).toEqual([
      {
        name: CallEventName.CALL_CONNECT_FAILED,
        detail: expect.objectContaining({
          errorCode: 'CALL_UNANSWERED',
          errorMessage: 'no answer',
          carrierStatus: 408,
        }) as unknown,
      },
    ]);
    const failed = foldCallEvent(
      pendingView,
      event({ $case: 'answerFailed', value: { errorCode: 'LEG_GONE', errorMessage: '' } }),
    );
    expect(failed.view.state).toBe('PENDING');
    expect(failed.notices.map((n) => n.name)).toEqual([CallEventName.CALL_ANSWER_FAILED]);
  });

  it('goes straight from PENDING to CONNECTED on a pre-answer connect', () => {
    const { view, names } = run([connectRequested(), connected()]);
    expect(view.state).toBe('CONNECTED');
    expect(names).toEqual([CallEventName.CALL_CONNECTED]);
  });

  it('ignores everything after the call ended (DISCONNECTED is sticky)', () => {
    const { view, names } = run([answered(), terminated(), connected(), answered(), terminated()]);
    expect(view.state).toBe('DISCONNECTED');
    expect(view.terminationReason).toBe('CALLER_HUNG_UP');
    expect(names).toEqual([CallEventName.CALL_ANSWERED, CallEventName.CALL_TERMINATED]);
  });

  it('reports DTMF with its digit', () => {
    const folded = foldCallEvent(
      pendingView,
      event({ $case: 'dtmfReceived', value: { digit: '5', durationMs: 80 } }),
    );
    expect(folded.notices[0]).toMatchObject({
      name: CallEventName.CALL_DTMF,
      detail: { digit: '5', durationMs: 80 },
    });
  });

  it('stays silent about a change a command result already reported', () => {
    const base = { eventId: '', occurredAt: undefined };
    const byResult = foldReportedState(pendingView, { state: 'ANSWERED', mode: undefined }, base);
    expect(byResult.notices.map((n) => n.name)).toEqual([CallEventName.CALL_ANSWERED]);
    expect(foldCallEvent(byResult.view, answered()).notices).toEqual([]);
  });

  it('never moves back to an older reported state', () => {
    const base = { eventId: '', occurredAt: undefined };
    const connectedView: CallView = { ...pendingView, state: 'CONNECTED', mode: 'BARGE' };
    expect(foldReportedState(connectedView, { state: 'ANSWERED', mode: undefined }, base)).toEqual({
      view: connectedView,
      notices: [],
    });
  });

  it('reports the ending once with the reason it was given', () => {
    const base = { eventId: '', occurredAt: undefined };
    const ended = foldReportedState(
      { ...pendingView, state: 'ANSWERED' },
      { state: 'DISCONNECTED', mode: undefined, terminationReason: 'CLOSED' },
      base,
    );
    expect(ended.view).toMatchObject({ state: 'DISCONNECTED', terminationReason: 'CLOSED' });
    expect(ended.notices).toEqual([
      { name: CallEventName.CALL_TERMINATED, detail: { ...base, reason: 'CLOSED', detail: '' } },
    ]);
    expect(foldCallEvent(ended.view, terminated()).notices).toEqual([]);
  });
});
