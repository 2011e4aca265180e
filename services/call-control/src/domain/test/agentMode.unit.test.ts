import { AgentMode, CallState } from '@warmline/contracts';
import { given } from './callSpec.test';
import { inState, setAgentMode, was } from './fixtures.test';

const { AGENT_MODE_BARGE: BARGE, AGENT_MODE_WHISPER: WHISPER, AGENT_MODE_SPY: SPY } = AgentMode;

describe('agent mode', () => {
  it('is BARGE as soon as the callee connects, including after a pre-answer connect', () => {
    expect(given(...inState.connected()).state).toMatchObject({ mode: BARGE });
    expect(given(...inState.connectedPreAnswer()).state).toMatchObject({ mode: BARGE });
  });

  it('is not set before the callee connects', () => {
    expect(given(...inState.answered()).state).toMatchObject({
      mode: AgentMode.AGENT_MODE_UNSPECIFIED,
    });
  });

  it.each([
    ['barge → whisper', BARGE, WHISPER],
    ['whisper → spy', WHISPER, SPY],
    ['spy → barge', SPY, BARGE],
    ['spy → whisper', SPY, WHISPER],
  ])('changes %s and tells the mixer', (_label, from, to) => {
    const history =
      from === BARGE ? inState.connected() : [...inState.connected(), was.modeChanged(from)];
    given(...history)
      .when(setAgentMode(to, 'cmd-change'))
      .thenEvents({ $case: 'agentModeChanged', value: { mode: to } })
      .thenInstructions({ $case: 'setMixMode', value: { mode: to } })
      .thenState({ state: CallState.CALL_STATE_CONNECTED, mode: to });
  });

  it.each([
    ['barge', BARGE],
    ['whisper', WHISPER],
    ['spy', SPY],
  ])('%s while already in that mode is a no-op success', (_label, mode) => {
    const history =
      mode === BARGE ? inState.connected() : [...inState.connected(), was.modeChanged(mode)];
    given(...history)
      .when(setAgentMode(mode, 'cmd-same'))
      .thenIgnored('ALREADY_IN_MODE')
      .thenInstructions();
  });

  it.each([
    ['UNSPECIFIED', AgentMode.AGENT_MODE_UNSPECIFIED],
    ['UNRECOGNIZED', AgentMode.UNRECOGNIZED],
  ])('refuses mode %s as INVALID_ARGUMENT', (_label, mode) => {
    given(...inState.connected())
      .when(setAgentMode(mode, 'cmd-bad'))
      .thenRejected('INVALID_ARGUMENT');
  });
});
