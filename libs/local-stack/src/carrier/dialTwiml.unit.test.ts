import { parseDialTwiml } from './dialTwiml';

describe('parseDialTwiml', () => {
  it('reads the dial, its status callback, and the stream that follows it', () => {
    const twiml =
      '<?xml version="1.0" encoding="UTF-8"?><Response><Dial timeout="25" callerId="+15550001111">' +
      '<Number statusCallback="http://127.0.0.1:8/twilio/callee-status?callId=c-1&amp;legId=leg-1" ' +
      'statusCallbackEvent="initiated ringing answered completed" statusCallbackMethod="POST">+15559990000</Number>' +
      '</Dial><Connect><Stream url="ws://127.0.0.1:8/twilio/stream">' +
      '<Parameter name="warmlineCallId" value="c-1"/><Parameter name="warmlineResume" value="t&amp;k"/>' +
      '</Stream></Connect></Response>';
    expect(parseDialTwiml(twiml)).toEqual({
      destination: '+15559990000',
      timeoutSeconds: 25,
      callerId: '+15550001111',
      statusCallbackUrl: 'http://127.0.0.1:8/twilio/callee-status?callId=c-1&legId=leg-1',
      streamUrl: 'ws://127.0.0.1:8/twilio/stream',
      streamParameters: { warmlineCallId: 'c-1', warmlineResume: 't&k' },
    });
  });

  it('reads a <Sip> dial without a following stream', () => {
    const twiml =
      '<Response><Dial><Sip statusCallback="http://h/s">sip:desk@pbx.test?X-a=1&amp;X-b=2</Sip></Dial></Response>';
    expect(parseDialTwiml(twiml)).toEqual({
      destination: 'sip:desk@pbx.test?X-a=1&X-b=2',
      timeoutSeconds: 30,
      statusCallbackUrl: 'http://h/s',
      streamParameters: {},
    });
  });

  it('is undefined for TwiML without a dial or without a status callback', () => {
    expect(parseDialTwiml('<Response><Hangup/></Response>')).toBeUndefined();
    expect(
      parseDialTwiml('<Response><Dial><Number>+1555</Number></Dial></Response>'),
    ).toBeUndefined();
  });
});
