import { EscalationReason } from '@warmline/contracts';
import type { CorpusConversation, CorpusTurn } from './corpus';
import { escalationMetrics } from './escalationMetrics';
import type { ConversationRun } from './runConversation';
import { scoreRun } from './scoreRun';

const turn = (expect: CorpusTurn['expect'], reason?: CorpusTurn['reason']): CorpusTurn => ({
  say: 'x',
  confidence: 0.9,
  expect,
  ...(reason === undefined ? {} : { reason }),
});
const conversation = (
  turns: CorpusTurn[],
  category: CorpusConversation['category'] = 'explicit',
): CorpusConversation => ({
  id: 'c',
  category,
  split: 'tune',
  turns,
});
const escalateAt = (
  c: CorpusConversation,
  t: number,
  reason: ConversationRun['escalationReason'] = 'caller_asked',
): ConversationRun => ({
  conversation: c,
  decisions: [
    ...Array.from({ length: t - 1 }, () => ({ kind: 'reply' as const, text: 'ok' })),
    {
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
      detail: '',
      replyText: '',
      destinationId: 'd',
    },
  ],
  escalatedAt: t,
  escalationReason: reason,
});
const neverEscalates = (c: CorpusConversation): ConversationRun => ({
  conversation: c,
  decisions: c.turns.map(() => ({ kind: 'reply' as const, text: 'ok' })),
});

const positive = conversation([
  turn('reply'),
  turn('escalate', 'caller_asked'),
  turn('escalate', 'caller_asked'),
  turn('escalate', 'caller_asked'),
]);
const negative = conversation([turn('reply'), turn('reply'), turn('end')], 'polite');

describe('scoreRun', () => {
  it('accepts the labelled turn and the next one', () => {
    expect(scoreRun(escalateAt(positive, 2))).toMatchObject({
      truePositive: true,
      offset: 0,
      reasonCorrect: true,
    });
    expect(scoreRun(escalateAt(positive, 3))).toMatchObject({ truePositive: true, offset: 1 });
  });

  it('counts too late as a false negative and too early as both', () => {
    expect(scoreRun(escalateAt(positive, 4))).toMatchObject({
      truePositive: false,
      falseNegative: true,
      falsePositive: false,
    });
    expect(scoreRun(escalateAt(positive, 1))).toMatchObject({
      truePositive: false,
      falseNegative: true,
      falsePositive: true,
    });
    expect(scoreRun(neverEscalates(positive))).toMatchObject({
      falseNegative: true,
      falsePositive: false,
    });
  });

  it('counts any escalation of a negative conversation as a false positive', () => {
    expect(scoreRun(escalateAt(negative, 2))).toMatchObject({
      positive: false,
      falsePositive: true,
    });
    expect(scoreRun(neverEscalates(negative))).toMatchObject({
      falsePositive: false,
      falseNegative: false,
    });
  });

  it('checks the reason', () => {
    expect(scoreRun(escalateAt(positive, 2, 'frustration')).reasonCorrect).toBe(false);
  });

  it('counts turns whose kind matches the label', () => {
    expect(scoreRun(neverEscalates(negative))).toMatchObject({ turnsCorrect: 2, turnsFed: 3 });
  });
});

describe('escalationMetrics', () => {
  it('aggregates precision, recall, explicit recall, reason accuracy and offset', () => {
    const m = escalationMetrics([
      escalateAt(positive, 2),
      escalateAt(positive, 3, 'frustration'),
      neverEscalates(positive),
      escalateAt(negative, 1),
      neverEscalates(negative),
    ]);
    expect(m).toMatchObject({
      conversations: 5,
      positives: 3,
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 1,
    });
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.explicitRecall).toBeCloseTo(2 / 3);
    expect(m.reasonAccuracy).toBe(0.5);
    expect(m.meanTurnOffset).toBe(0.5);
  });

  it('gives NaN for a ratio without a denominator', () => {
    expect(escalationMetrics([neverEscalates(negative)]).precision).toBeNaN();
  });
});
