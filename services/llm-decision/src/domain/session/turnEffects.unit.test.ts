import { EscalationReason } from '@warmline/contracts';
import type { Decision } from '../engine/decision';
import { type DecidedTurn, turnEffects } from './turnEffects';

const turn = (decision: Decision): DecidedTurn => ({
  callId: 'c1',
  transcriptEventId: 'evt-9',
  callerTurnId: 'turn-3',
  correlationId: 'corr',
  decision,
  provider: 'openai',
  fallback: false,
  summary: 'summary for the person',
  cacheable: false,
  nowMs: 1_700_000_000_000,
});
const speech = { voice: 'alloy', sampleRate: 16_000 };

describe('turnEffects', () => {
  it('replies: AgentReplied with ids derived from the transcript, and a speech request', () => {
    const { events, speak } = turnEffects(
      turn({ kind: 'reply', text: 'Hello.', intentId: 'hours' }),
      speech,
    );
    expect(events).toEqual([
      {
        eventId: 'evt-9:replied',
        callId: 'c1',
        occurredAt: new Date(1_700_000_000_000),
        causationId: 'evt-9',
        correlationId: 'corr',
        payload: {
          $case: 'replied',
          value: {
            turnId: 'turn-3:agent',
            utteranceId: 'evt-9:utterance',
            text: 'Hello.',
            inReplyToTurnId: 'turn-3',
            fallback: false,
            provider: 'openai',
            intentId: 'hours',
          },
        },
      },
    ]);
    expect(speak).toEqual({
      requestId: 'evt-9:utterance',
      callId: 'c1',
      utteranceId: 'evt-9:utterance',
      text: 'Hello.',
      voice: 'alloy',
      sampleRate: 16_000,
      cacheable: false,
      issuedAtMs: 1_700_000_000_000,
      calleeOnly: false,
    });
  });

  it('escalates: AgentReplied with the transition line, EscalationRequested, and no speech', () => {
    const { events, speak } = turnEffects(
      turn({
        kind: 'escalate',
        reason: EscalationReason.ESCALATION_REASON_FRUSTRATION,
        detail: 'frustration 4.0 reached 3.5',
        replyText: 'Let me connect you.',
        destinationId: 'acme-support-desk',
      }),
      speech,
    );
    expect(speak).toBeUndefined();
    expect(events.map((e) => e.eventId)).toEqual(['evt-9:replied', 'evt-9:escalation']);
    expect(events[1]?.payload).toEqual({
      $case: 'escalationRequested',
      value: {
        reason: EscalationReason.ESCALATION_REASON_FRUSTRATION,
        detail: 'frustration 4.0 reached 3.5',
        turnId: 'turn-3',
        summary: 'summary for the person',
        callerName: '',
        destinationId: 'acme-support-desk',
      },
    });
  });

  it('ends: AgentReplied with the goodbye, HangupRequested, and no speech', () => {
    const { events, speak } = turnEffects(turn({ kind: 'end', replyText: 'Goodbye!' }), speech);
    expect(events.map((e) => e.payload?.$case)).toEqual(['replied', 'hangupRequested']);
    expect(events[0]?.payload).toMatchObject({ value: { text: 'Goodbye!' } });
    expect(events[1]?.payload).toEqual({
      $case: 'hangupRequested',
      value: { turnId: 'turn-3', detail: 'the caller is done' },
    });
    expect(speak).toBeUndefined();
  });
});
