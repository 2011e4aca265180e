import { AgentMode, Transport } from '@warmline/contracts';
import { supportedAgentModes } from './agentModes';

const { AGENT_MODE_BARGE: BARGE, AGENT_MODE_WHISPER: WHISPER, AGENT_MODE_SPY: SPY } = AgentMode;

describe('supportedAgentModes', () => {
  it('takes the modes the gateway declared, even none', () => {
    expect(
      supportedAgentModes({
        transport: Transport.TRANSPORT_SIP,
        capabilities: { agentModes: [] },
      }),
    ).toEqual([]);
    expect(
      supportedAgentModes({
        transport: Transport.TRANSPORT_TWILIO,
        capabilities: { agentModes: [WHISPER] },
      }),
    ).toEqual([WHISPER]);
  });

  it('infers none for a carrier media stream from an older gateway', () => {
    for (const transport of [Transport.TRANSPORT_TWILIO, Transport.TRANSPORT_TELNYX]) {
      expect(supportedAgentModes({ transport, capabilities: undefined })).toEqual([]);
    }
  });

  it('infers all three for SIP or an unknown transport from an older gateway', () => {
    for (const transport of [Transport.TRANSPORT_SIP, Transport.TRANSPORT_UNSPECIFIED]) {
      expect(supportedAgentModes({ transport, capabilities: undefined })).toEqual([
        BARGE,
        WHISPER,
        SPY,
      ]);
    }
  });
});
