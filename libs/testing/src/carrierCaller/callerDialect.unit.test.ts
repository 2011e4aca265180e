import type { CallIdentity } from './callerDialect';
import { telnyxCallerDialect } from './telnyxCallerDialect';
import { twilioCallerDialect } from './twilioCallerDialect';

const call: CallIdentity = {
  streamId: 'MZ1',
  carrierCallId: 'CA1',
  accountId: 'AC1',
  from: '+15557770001',
  to: '+15550001111',
  customParameters: { to: '+15550001111' },
  encoding: 'PCMU',
  sampleRate: 8000,
  streamingToken: 'tok',
};

describe('the test caller speaks each carrier as documented', () => {
  it('Twilio: camelCase, numbers as strings, streamSid on every frame; the gateway must name the stream', () => {
    const twilio = twilioCallerDialect(call);
    expect(twilio.connected()).toEqual({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    expect(twilio.media(3, 1, 0, 'AA==')).toEqual({
      event: 'media',
      sequenceNumber: '3',
      media: { track: 'inbound', chunk: '1', timestamp: '0', payload: 'AA==' },
      streamSid: 'MZ1',
    });
    expect(twilio.parse('{"event":"clear","streamSid":"MZ1"}')).toEqual({ kind: 'clear' });
    expect(twilio.parse('{"event":"clear"}')).toMatch(/streamSid/);
    expect(twilio.parse('{"event":"media","streamSid":"MZ1","media":{"payload":"@@"}}')).toMatch(
      /base64/,
    );
  });

  it('Telnyx: snake_case, the streaming token in connected, no stream id needed from the gateway', () => {
    const telnyx = telnyxCallerDialect(call);
    expect(telnyx.connected()).toEqual({
      event: 'connected',
      version: '1.0.0',
      connected: { 'x-telnyx-streaming-auth-token': 'tok' },
    });
    expect(telnyx.dtmf(4, '5')).toEqual({
      event: 'dtmf',
      sequence_number: '4',
      stream_id: 'MZ1',
      dtmf: { digit: '5' },
    });
    expect(telnyx.parse('{"event":"mark","mark":{"name":"m"}}')).toEqual({
      kind: 'mark',
      name: 'm',
    });
    expect(telnyx.parse('{"event":"hello"}')).toMatch(/not one the carrier accepts/);
  });
});
