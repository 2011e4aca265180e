import { calleeProgress } from './calleeStatus';
import { dialTwiml } from './dialTwiml';

describe('<Dial> TwiML for a transfer', () => {
  const base = {
    ringTimeSeconds: 20,
    statusCallbackUrl: 'https://gw.example.com/twilio/callee-status?callId=c1&legId=l1',
    streamUrl: 'wss://gw.example.com/twilio/stream',
    streamParameters: { warmlineCallId: 'c1', warmlineResume: 't<&>' },
  };

  it('dials a number with caller id and progress callbacks, then streams back to the gateway; everything escaped', () => {
    expect(dialTwiml({ ...base, destination: '+15559990000', callerId: '+15550001111' })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Dial timeout="20" callerId="+15550001111">' +
        '<Number statusCallback="https://gw.example.com/twilio/callee-status?callId=c1&amp;legId=l1" statusCallbackEvent="initiated ringing answered completed" statusCallbackMethod="POST">+15559990000</Number>' +
        '</Dial>' +
        '<Connect><Stream url="wss://gw.example.com/twilio/stream"><Parameter name="warmlineCallId" value="c1"/><Parameter name="warmlineResume" value="t&lt;&amp;&gt;"/></Stream></Connect>' +
        '</Response>',
    );
  });

  it('dials a SIP URI with the handoff as X- headers', () => {
    const xml = dialTwiml({
      ...base,
      destination: 'sip:desk@pbx.example.com',
      handoffData: { 'Context-Id': 'ctx 1', 'bad key!': 'x' },
    });
    expect(xml).toContain('>sip:desk@pbx.example.com?X-Context-Id=ctx%201</Sip>');
    expect(xml).not.toContain('bad key');
  });
});

describe('Twilio callee status', () => {
  it.each([
    ['initiated', false, { kind: 'none' }],
    ['ringing', false, { kind: 'ringing' }],
    ['in-progress', false, { kind: 'answered' }],
    ['busy', false, { kind: 'failed', errorCode: 'CALLEE_BUSY' }],
    ['no-answer', false, { kind: 'failed', errorCode: 'CALL_UNANSWERED' }],
    ['failed', false, { kind: 'failed', errorCode: 'CALLEE_UNREACHABLE' }],
    ['completed', false, { kind: 'failed', errorCode: 'CALL_UNANSWERED' }],
    ['completed', true, { kind: 'hungUp' }],
  ])('%s (answered before: %s)', (status, answered, expected) => {
    expect(calleeProgress(status, answered)).toMatchObject(expected);
  });
});
