import {
  AgentMode,
  CallHandler,
  CallState,
  TerminationReason,
  Transport,
} from '@warmline/contracts';
import { describeAllowedCommands } from '../allowedCommands';
import { CallInvariantError } from '../callErrors';
import { evolve } from '../evolve';
import { initialState } from '../callAggregate';
import { toSnapshot } from '../toSnapshot';
import { fold, given } from './callSpec.test';
import { CALL_ID, T0, dtmf, inState, pastEvent, startCall, was } from './fixtures.test';

describe('toSnapshot', () => {
  it('shows the call as the SDK sees it', () => {
    const call = fold(inState.answeredRinging());
    if (!call.exists) throw new Error('expected a call');
    expect(toSnapshot(call)).toEqual({
      callId: CALL_ID,
      callerNumber: '+6590000001',
      calleeNumber: '+6560000002',
      connectorId: 'connector-1',
      state: CallState.CALL_STATE_ANSWERED,
      mode: AgentMode.AGENT_MODE_UNSPECIFIED,
      transport: Transport.TRANSPORT_SIP,
      handler: CallHandler.CALL_HANDLER_SDK,
      version: 4,
      connectPending: true,
      startedAt: new Date(T0),
      terminationReason: TerminationReason.TERMINATION_REASON_UNSPECIFIED,
    });
  });

  it('follows the call to CONNECTED in BARGE with no connect pending', () => {
    const call = fold(inState.connected());
    if (!call.exists) throw new Error('expected a call');
    expect(toSnapshot(call)).toMatchObject({
      state: CallState.CALL_STATE_CONNECTED,
      mode: AgentMode.AGENT_MODE_BARGE,
      connectPending: false,
      version: 5,
    });
  });

  it('says why a DISCONNECTED call ended', () => {
    const call = fold(inState.agentLeft());
    if (!call.exists) throw new Error('expected a call');
    expect(toSnapshot(call)).toMatchObject({
      state: CallState.CALL_STATE_DISCONNECTED,
      terminationReason: TerminationReason.TERMINATION_REASON_AGENT_LEFT,
    });
  });
});

describe('describeAllowedCommands', () => {
  it.each([
    ['no call', [], 'the call does not exist: only a StartCallRequest creates it'],
    ['PENDING', inState.pending(), 'PENDING allows answer, connect'],
    ['ANSWERED', inState.answered(), 'ANSWERED allows connect, close, disconnect'],
    ['CONNECTED', inState.connected(), 'CONNECTED allows barge/whisper/spy, close, disconnect'],
    ['DISCONNECTED', inState.disconnected(), 'DISCONNECTED allows no commands'],
  ])('%s: "%s"', (_label, history, sentence) => {
    expect(describeAllowedCommands(fold(history))).toBe(sentence);
  });

  it('explains a wrong-state rejection', () => {
    const { decision } = given(...inState.pending()).when({
      kind: 'command',
      command: {
        commandId: 'cmd-d',
        callId: CALL_ID,
        causationId: '',
        correlationId: '',
        payload: { $case: 'disconnect', value: {} },
      },
    });
    expect(!decision.ok && decision.error.message).toBe(
      'disconnect is not allowed: PENDING allows answer, connect',
    );
  });
});

describe('starting a call', () => {
  it('needs a call id and a handler chosen by routing', () => {
    given().when(startCall('')).thenRejected('INVALID_ARGUMENT');
    given()
      .when({ ...startCall(), handler: CallHandler.CALL_HANDLER_UNSPECIFIED })
      .thenRejected('INVALID_ARGUMENT');
  });

  it('takes its correlation id from the call', () => {
    const { decision } = given().when(startCall());
    expect(decision.ok && decision.events[0]).toMatchObject({
      callId: CALL_ID,
      causationId: CALL_ID,
      correlationId: CALL_ID,
    });
  });
});

describe('DTMF', () => {
  it('is recorded on an active call', () => {
    given(...inState.connected())
      .when(dtmf('#'))
      .thenEvents({ $case: 'dtmfReceived', value: { digit: '#', durationMs: 120 } })
      .thenState({ state: CallState.CALL_STATE_CONNECTED });
  });

  it('refuses something that is not a key', () => {
    given(...inState.answered())
      .when(dtmf('12'))
      .thenRejected('INVALID_ARGUMENT');
  });
});

describe('evolve guards the stream', () => {
  it('refuses an event before the call started', () => {
    expect(() => evolve(initialState(), was.answered())).toThrow(CallInvariantError);
  });

  it('refuses a second start', () => {
    expect(() => fold([was.started(), was.started()])).toThrow(CallInvariantError);
  });

  it('refuses an event without a time', () => {
    const timeless = { ...was.connectRequested(), occurredAt: undefined };
    expect(() => fold([was.started(), timeless])).toThrow(CallInvariantError);
  });

  it('counts an event whose payload it cannot read', () => {
    const unreadable = { ...pastEvent({ $case: 'answered', value: {} }, 'x'), payload: undefined };
    const call = fold([was.started(), unreadable]);
    expect(call).toMatchObject({ version: 2, state: CallState.CALL_STATE_PENDING });
  });

  it('records why the call ended', () => {
    const reason = TerminationReason.TERMINATION_REASON_MEDIA_LOST;
    expect(fold([was.started(), was.terminated(reason)])).toMatchObject({
      terminationReason: reason,
    });
  });
});
