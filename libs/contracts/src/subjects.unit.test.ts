import { CallEvent, CallState } from './index';
import { aggregateIdOf, subjects } from './subjects';
import { InvalidSubjectTokenError } from './subjectToken';
import { allStreams } from './streams';

describe('subjects', () => {
  it('puts one call on one subject per context', () => {
    expect(subjects.callEvents('c-1')).toBe('evt.call.c-1');
    expect(subjects.mediaIn('c-1')).toBe('media.c-1.in');
    expect(aggregateIdOf(subjects.escalationEvents('abc_9'))).toBe('abc_9');
  });

  it.each(['a.b', 'a*', '>', 'a b', '', 'x'.repeat(129)])(
    'refuses %j as a subject token, so one call cannot address another',
    (bad) => {
      expect(() => subjects.callEvents(bad)).toThrow(InvalidSubjectTokenError);
    },
  );

  it('gives every stream subjects that no other stream captures', () => {
    const seen = allStreams.flatMap((s) => s.subjects);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('generated messages', () => {
  it('round-trip a call event with a oneof payload through the wire format', () => {
    const event: CallEvent = {
      eventId: 'e1',
      callId: 'c1',
      occurredAt: new Date('2026-11-24T10:00:00.000Z'),
      causationId: 'cmd1',
      correlationId: 'c1',
      payload: {
        $case: 'started',
        value: {
          callerNumber: '+15550001111',
          calleeNumber: '+15550002222',
          connectorId: 'main',
          transport: 1,
          gatewayId: 'gw-1',
          handler: 1,
          carrierCallId: 'CA123',
          customParameters: { tenant: 'acme' },
        },
      },
    };
    const decoded = CallEvent.decode(CallEvent.encode(event).finish());
    expect(decoded).toEqual(event);
    expect(CallState.CALL_STATE_PENDING).toBe(1);
  });
});
