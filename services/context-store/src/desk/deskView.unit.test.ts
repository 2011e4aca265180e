import { foldDoc, positioned } from '../test/fold.test';
import { allEvents, CALLER, realisticCall } from '../test/realisticCall.test';
import { toDeskContext, toDeskListItem } from './deskView';

const T0 = new Date('2029-06-01T10:00:00Z');
const phases = realisticCall('call-d', T0);

describe('toDeskContext', () => {
  it('while the human’s phone rings: ringing, labels for people, times from the call start', () => {
    const view = toDeskContext(foldDoc(positioned([...phases.conversation, ...phases.handoff])));
    expect(view).toMatchObject({
      callId: 'call-d',
      contextId: 'call-d',
      callerNumber: CALLER,
      reason: 'Caller is frustrated',
      status: 'Phone ringing',
      ringing: true,
      state: 'With the AI',
      summarySource: 'saga',
      step: 'connecting',
    });
    expect(view.turns[3]).toMatchObject({ speaker: 'agent', interrupted: true, offsetMs: 14_600 });
    expect(view.turns[5]).toMatchObject({ announcement: true, calleeOnly: false });
    expect(view.timeline.find((t) => t.label === 'AI asked for a human')?.detail).toBe(
      'Caller is frustrated',
    );
  });

  it('after the handoff: the outcome, no longer ringing', () => {
    const item = toDeskListItem(foldDoc(positioned(allEvents(phases))));
    expect(item).toMatchObject({ status: 'Transferred to a person', ringing: false });
  });

  it('marks the briefing only the human heard', () => {
    const doc = foldDoc(positioned(allEvents(phases)));
    const briefed = {
      ...doc,
      saga: doc.saga && {
        ...doc.saga,
        steps: [
          ...doc.saga.steps,
          { step: 'ESCALATION_STEP_BRIEFING', effectId: 'utt-transition', at: T0 },
        ],
      },
    };
    expect(toDeskContext(briefed).turns[5]?.calleeOnly).toBe(true);
  });
});
