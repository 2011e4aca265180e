import { AgentMode, type CallCommandResult, CallState } from '@warmline/contracts';
import { reportFromResult } from './resultReport';

const ok = (state: CallState, mode = AgentMode.AGENT_MODE_UNSPECIFIED): CallCommandResult => ({
  commandId: 'cmd',
  callId: 'c1',
  ok: true,
  errorCode: '',
  errorMessage: '',
  state,
  mode,
});

describe('reportFromResult', () => {
  it('reads the state and mode', () => {
    expect(
      reportFromResult(
        ok(CallState.CALL_STATE_CONNECTED, AgentMode.AGENT_MODE_SPY),
        'spy',
        'CONNECTED',
      ),
    ).toEqual({
      state: 'CONNECTED',
      mode: 'SPY',
    });
  });

  it('knows why close and disconnect ended the call', () => {
    const ended = ok(CallState.CALL_STATE_DISCONNECTED);
    expect(reportFromResult(ended, 'close', 'CONNECTED').terminationReason).toBe('AGENT_LEFT');
    expect(reportFromResult(ended, 'close', 'ANSWERED').terminationReason).toBe('CLOSED');
    expect(reportFromResult(ended, 'disconnect', 'ANSWERED').terminationReason).toBe(
      'DISCONNECTED',
    );
  });

  it('leaves other endings to the events', () => {
    expect(
      reportFromResult(ok(CallState.CALL_STATE_DISCONNECTED), 'answer', 'PENDING').state,
    ).toBeUndefined();
  });
});
