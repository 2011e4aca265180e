import { parseTelnyxWebhook, telnyxCalleeProgress } from './calleeEvent';

describe('Telnyx callee-leg webhooks', () => {
  it('reads event type, leg and hangup cause', () => {
    const body = JSON.stringify({
      data: {
        event_type: 'call.hangup',
        payload: { call_control_id: 'v3:b', hangup_cause: 'busy' },
      },
    });
    expect(parseTelnyxWebhook(body)).toEqual({
      eventType: 'call.hangup',
      callControlId: 'v3:b',
      hangupCause: 'busy',
    });
    expect(parseTelnyxWebhook('not json')).toBeUndefined();
    expect(parseTelnyxWebhook('{"data":{}}')).toBeUndefined();
  });

  it.each([
    ['call.initiated', undefined, false, { kind: 'none' }],
    ['call.answered', undefined, false, { kind: 'answered' }],
    ['call.hangup', 'busy', false, { kind: 'failed', errorCode: 'CALLEE_BUSY' }],
    ['call.hangup', 'timeout', false, { kind: 'failed', errorCode: 'CALL_UNANSWERED' }],
    ['call.hangup', 'call_rejected', false, { kind: 'failed', errorCode: 'CALLEE_DECLINED' }],
    [
      'call.hangup',
      'unallocated_number',
      false,
      { kind: 'failed', errorCode: 'CALLEE_UNREACHABLE' },
    ],
    ['call.hangup', 'normal_clearing', true, { kind: 'hungUp' }],
  ])('%s (%s, answered before: %s)', (eventType, hangupCause, answered, expected) => {
    expect(telnyxCalleeProgress({ eventType, hangupCause }, answered)).toMatchObject(expected);
  });
});
