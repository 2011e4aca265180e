import { EscalationOutcome, EscalationReason, EscalationStep } from '@warmline/contracts';
import { eventsFor } from '../../test/events.test';
import { foldDoc, positioned } from '../../test/fold.test';

const T0 = new Date('2029-06-01T10:00:00Z');
const e = eventsFor('call-s', T0);
const fold = (...events: Parameters<typeof e.escalation>[]) =>
  foldDoc(positioned(events.map(([at, payload]) => e.escalation(at, payload))));
const started: Parameters<typeof e.escalation> = [
  10,
  {
    $case: 'started',
    value: {
      reason: EscalationReason.ESCALATION_REASON_LOW_CONFIDENCE,
      callerNumber: '+15550001111',
      summary: 'Needs a person',
      detail: 'd',
    },
  },
];

describe('foldEscalationEvent, one event kind at a time', () => {
  it('started: reason, summary, caller number, start time; the call counts as escalated', () => {
    const doc = fold(started);
    expect(doc.saga).toEqual({
      reason: 'ESCALATION_REASON_LOW_CONFIDENCE',
      detail: 'd',
      summary: 'Needs a person',
      callerNumber: '+15550001111',
      startedAt: new Date(T0.getTime() + 10),
      step: 'ESCALATION_STEP_UNSPECIFIED',
      steps: [],
    });
    expect(doc).toMatchObject({
      escalatedAt: new Date(T0.getTime() + 10),
      escalationReason: 'ESCALATION_REASON_LOW_CONFIDENCE',
    });
  });

  it('stepEntered: the current step and each step with its effect id', () => {
    const doc = fold(started, [
      20,
      {
        $case: 'stepEntered',
        value: { step: EscalationStep.ESCALATION_STEP_BRIEFING, effectId: 'brief-1' },
      },
    ]);
    expect(doc.saga?.step).toBe('ESCALATION_STEP_BRIEFING');
    expect(doc.saga?.steps).toEqual([
      { step: 'ESCALATION_STEP_BRIEFING', effectId: 'brief-1', at: new Date(T0.getTime() + 20) },
    ]);
  });

  it('timerScheduled, timerFired, inputAccepted: only the position moves', () => {
    const doc = fold(
      started,
      [20, { $case: 'timerScheduled', value: { timerId: 'x', dueAtMs: 5 } }],
      [30, { $case: 'timerFired', value: { timerId: 'x' } }],
      [
        40,
        { $case: 'inputAccepted', value: { inputId: 'i', kind: 'ContextSaved', detail: 'call-s' } },
      ],
    );
    expect(doc.timeline).toHaveLength(1);
    expect(doc.positions.escalation).toBe(12);
  });

  it('finished: the outcome; a later start clears it for the new escalation', () => {
    const finished = fold(started, [
      50,
      {
        $case: 'finished',
        value: { outcome: EscalationOutcome.ESCALATION_OUTCOME_VOICEMAIL, detail: 'left one' },
      },
    ]);
    expect(finished.outcome).toBe('ESCALATION_OUTCOME_VOICEMAIL');
    expect(finished.saga).toMatchObject({
      outcomeDetail: 'left one',
      finishedAt: new Date(T0.getTime() + 50),
    });
    const again = fold(
      started,
      [
        50,
        {
          $case: 'finished',
          value: { outcome: EscalationOutcome.ESCALATION_OUTCOME_RETURNED_TO_AGENT },
        },
      ],
      started,
    );
    expect(again.outcome).toBeUndefined();
    expect(again.saga?.startedAt).toEqual(new Date(T0.getTime() + 10));
  });
});
