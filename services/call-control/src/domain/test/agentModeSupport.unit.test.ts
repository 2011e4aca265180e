import { AgentMode, type CallCapabilities, CallState, Transport } from '@warmline/contracts';
import { given } from './callSpec.test';
import { inState, setAgentMode, startCall } from './fixtures.test';

const { AGENT_MODE_BARGE: BARGE, AGENT_MODE_WHISPER: WHISPER, AGENT_MODE_SPY: SPY } = AgentMode;
const allModes = [BARGE, WHISPER, SPY];

/** A CONNECTED call that started on `transport`, with the capabilities its gateway declared (if any). */
const connectedOn = (transport: Transport, capabilities?: CallCapabilities) => {
  const [started, ...rest] = inState.connected();
  if (started?.payload?.$case !== 'started') throw new Error('history must begin with CallStarted');
  const value = { ...started.payload.value, transport, capabilities };
  return [{ ...started, payload: { $case: 'started' as const, value } }, ...rest];
};

const carrierStream = { agentModes: [] };
const sipMixer = { agentModes: allModes };

describe('agent modes the call transport cannot do', () => {
  it.each([
    ['whisper', WHISPER],
    ['spy', SPY],
  ])('%s on a Twilio media stream is refused and nothing is appended', (_label, mode) => {
    const refused = given(...connectedOn(Transport.TRANSPORT_TWILIO, carrierStream))
      .when(setAgentMode(mode, 'cmd-refused'))
      .thenRejected('AGENT_MODE_NOT_SUPPORTED');
    expect(refused.after).toBe(refused.before);
    expect(refused.decision.ok ? '' : refused.decision.error.message).toMatch(/supported: none/);
  });

  it('barge on a carrier stream is refused too, even while the call is recorded in BARGE', () => {
    given(...connectedOn(Transport.TRANSPORT_TELNYX, carrierStream))
      .when(setAgentMode(BARGE, 'cmd-barge'))
      .thenRejected('AGENT_MODE_NOT_SUPPORTED');
  });

  it('follows what the gateway declared, whatever the transport', () => {
    const partial = { agentModes: [BARGE, SPY] };
    given(...connectedOn(Transport.TRANSPORT_TWILIO, partial))
      .when(setAgentMode(SPY, 'cmd-spy'))
      .thenEvents({ $case: 'agentModeChanged', value: { mode: SPY } })
      .thenInstructions({ $case: 'setMixMode', value: { mode: SPY } });
    given(...connectedOn(Transport.TRANSPORT_SIP, partial))
      .when(setAgentMode(WHISPER, 'cmd-whisper'))
      .thenRejected('AGENT_MODE_NOT_SUPPORTED');
  });

  it.each([
    ['whisper', WHISPER],
    ['spy', SPY],
  ])('%s on a SIP call whose gateway mixes all modes works as before', (_label, mode) => {
    given(...connectedOn(Transport.TRANSPORT_SIP, sipMixer))
      .when(setAgentMode(mode, 'cmd-allowed'))
      .thenEvents({ $case: 'agentModeChanged', value: { mode } })
      .thenInstructions({ $case: 'setMixMode', value: { mode } })
      .thenState({ state: CallState.CALL_STATE_CONNECTED, mode });
  });

  it('an invalid mode on a carrier stream is still INVALID_ARGUMENT', () => {
    given(...connectedOn(Transport.TRANSPORT_TWILIO, carrierStream))
      .when(setAgentMode(AgentMode.AGENT_MODE_UNSPECIFIED, 'cmd-bad'))
      .thenRejected('INVALID_ARGUMENT');
  });
});

describe('calls started by a gateway that declared no capabilities', () => {
  it.each([
    ['Twilio', Transport.TRANSPORT_TWILIO],
    ['Telnyx', Transport.TRANSPORT_TELNYX],
  ])('a %s stream is taken to have no mixer: whisper is refused', (_label, transport) => {
    given(...connectedOn(transport))
      .when(setAgentMode(WHISPER, 'cmd-whisper'))
      .thenRejected('AGENT_MODE_NOT_SUPPORTED');
  });

  it.each([
    ['SIP', Transport.TRANSPORT_SIP],
    ['an unknown transport', Transport.TRANSPORT_UNSPECIFIED],
  ])('%s keeps every mode (as before the declaration existed)', (_label, transport) => {
    given(...connectedOn(transport))
      .when(setAgentMode(WHISPER, 'cmd-whisper'))
      .thenEvents({ $case: 'agentModeChanged', value: { mode: WHISPER } })
      .thenInstructions({ $case: 'setMixMode', value: { mode: WHISPER } });
  });
});

describe('the declaration is recorded with the call', () => {
  it('CallStarted carries the capabilities of the StartCallRequest', () => {
    const start = startCall();
    const request = { ...start.request, capabilities: { agentModes: [BARGE] } };
    given()
      .when({ ...start, request })
      .thenState({ exists: true, origin: { capabilities: { agentModes: [BARGE] } } });
  });

  it('an absent declaration stays absent (so the transport default applies on replay)', () => {
    const outcome = given().when(startCall());
    expect(outcome.after.exists && outcome.after.origin.capabilities).toBeUndefined();
  });
});
