import { EscalationReason } from '@warmline/contracts';
import type { EscalateDecision } from '../engine/decision';
import { initialCallSession } from './callSession';
import { HANDOFF_SUMMARY_MAX_CHARS, handoffSummary } from './handoffSummary';

const decision: EscalateDecision = {
  kind: 'escalate',
  reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
  detail: 'd',
  replyText: 't',
  destinationId: 'desk',
};
const session = {
  ...initialCallSession(),
  history: [
    { speaker: 'caller' as const, text: 'my internet is down' },
    { speaker: 'agent' as const, text: 'Check the status page.' },
  ],
  intentsAnswered: ['outage', 'outage'],
};

describe('handoffSummary', () => {
  it('says why, how long, what was answered and what the caller said last', () => {
    expect(handoffSummary(session, { text: 'get me a person', confidence: 0.9 }, decision)).toBe(
      'Handoff reason: caller_asked. Caller turns: 2. Answered topics: outage. ' +
        'Caller said last: "my internet is down" / "get me a person".',
    );
  });

  it("labels a model's note as such", () => {
    const withNote = { ...decision, note: 'Wants a refund.' };
    expect(handoffSummary(session, { text: 'x', confidence: 0.9 }, withNote)).toMatch(
      /Assistant's note: Wants a refund\.$/,
    );
  });

  it('stays bounded however long the caller talks', () => {
    const long = { text: 'word '.repeat(2_000), confidence: 0.9 };
    const summary = handoffSummary(session, long, { ...decision, note: 'n '.repeat(400) });
    expect(summary.length).toBeLessThanOrEqual(HANDOFF_SUMMARY_MAX_CHARS);
  });
});
