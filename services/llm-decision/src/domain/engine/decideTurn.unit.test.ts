import { EscalationReason } from '@warmline/contracts';
import { loadProfileFileSync } from '../../adapters/profileFile';
import type { AgentProfile } from '../profile/agentProfile';
import { ConversationClosedError } from './conversationClosedError';
import { type ConversationState, initialConversationState } from './conversationState';
import { decideTurn } from './decideTurn';
import type { Decision } from './decision';

const profile = loadProfileFileSync();

/** Feeds turns (text, or [text, confidence]) and returns every decision and the final state. */
const converse = (
  turns: readonly (string | readonly [string, number])[],
  p: AgentProfile = profile,
) => {
  let state: ConversationState = initialConversationState();
  const decisions: Decision[] = [];
  for (const turn of turns) {
    const [text, confidence] = typeof turn === 'string' ? [turn, 0.92] : turn;
    const outcome = decideTurn(p, state, { text, confidence });
    decisions.push(outcome.decision);
    state = outcome.nextState;
  }
  return { decisions, state, last: decisions[decisions.length - 1] };
};

const reasonOf = (d: Decision | undefined) => (d?.kind === 'escalate' ? d.reason : undefined);

describe('decideTurn', () => {
  it('answers an intent with its follow-up or the anything-else line', () => {
    const { last, state } = converse(['what are your hours']);
    expect(last).toEqual({
      kind: 'reply',
      intentId: 'hours',
      text: `${profile.intents.find((i) => i.id === 'hours')!.answer} ${profile.lines.anythingElse}`,
    });
    expect(state.awaitingAnythingElse).toBe(true);
    expect(converse(['is there an outage in my area']).state.pendingFollowUpIntentId).toBe(
      'outage',
    );
  });

  it('answers a follow-up yes and no', () => {
    const outage = profile.intents.find((i) => i.id === 'outage')!;
    expect(converse(['is there an outage', 'yes please']).last).toEqual({
      kind: 'reply',
      text: `${outage.followUp!.onYes} ${profile.lines.anythingElse}`,
    });
    expect(converse(['is there an outage', 'no']).last).toEqual({
      kind: 'reply',
      text: `${outage.followUp!.onNo!} ${profile.lines.anythingElse}`,
    });
  });

  it('greets and acknowledges without counting a failure', () => {
    const { decisions, state } = converse(['hi there', 'ok thanks']);
    expect(decisions[0]).toEqual({ kind: 'reply', text: profile.lines.howCanIHelp });
    expect(decisions[1]).toEqual({
      kind: 'reply',
      text: `${profile.lines.youAreWelcome} ${profile.lines.anythingElse}`,
    });
    expect(state.failedTurns).toBe(0);
  });

  it('ends the call on an end-of-call phrase, or on "no" after "anything else?"', () => {
    expect(converse(["that's all, thanks, bye"]).last).toEqual({
      kind: 'end',
      replyText: profile.lines.goodbye,
    });
    expect(converse(['what are your hours', 'no']).last?.kind).toBe('end');
    expect(converse(['what are your hours', 'no']).state.status).toBe('ended');
  });

  it('escalates on a policy keyword with the profile reason and label', () => {
    const { last } = converse(['hi', 'I want to file a complaint']);
    expect(last).toMatchObject({
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
      detail: 'policy keyword: complaint ("complaint")',
    });
  });

  it('escalates when the caller asks for a person, with the transition line and destination', () => {
    expect(converse(['can I speak to a human bean']).last).toEqual({
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
      detail: 'caller asked for a person ("speak to a human")',
      replyText: 'Let me connect you with a specialist who can help.',
      destinationId: 'acme-support-desk',
    });
  });

  it('does not escalate when the caller declines a person', () => {
    expect(converse(["I don't need a person, just tell me the hours"]).last).toMatchObject({
      kind: 'reply',
      intentId: 'hours',
    });
  });

  it('escalates when frustration builds up, not on one mild complaint', () => {
    expect(converse(['my internet is slow', 'this is ridiculous']).last?.kind).toBe('reply');
    const { last, state } = converse([
      'my internet is slow',
      'this is ridiculous',
      "I'm so fed up, this is absolutely unacceptable",
    ]);
    expect(reasonOf(last)).toBe(EscalationReason.ESCALATION_REASON_FRUSTRATION);
    expect(state.frustrationHistory).toHaveLength(3);
  });

  it('reprompts on low confidence and escalates on a streak', () => {
    const once = converse([['rotor blinkin', 0.3]]);
    expect(once.last).toEqual({ kind: 'reply', text: profile.lines.reprompt });
    expect(once.state.lowConfidenceStreak).toBe(1);
    expect(
      reasonOf(
        converse([
          ['rotor blinkin', 0.3],
          ['', 0.1],
        ]).last,
      ),
    ).toBe(EscalationReason.ESCALATION_REASON_LOW_CONFIDENCE);
    expect(
      converse([
        ['rotor blinkin', 0.3],
        ['what are your hours', 0.9],
        ['hmm', 0.2],
      ]).last?.kind,
    ).toBe('reply');
  });

  it('treats a NaN or out-of-range confidence as unusable', () => {
    expect(converse([['what are your hours', Number.NaN]]).last).toEqual({
      kind: 'reply',
      text: profile.lines.reprompt,
    });
  });

  it('gives the out-of-scope line once, then escalates', () => {
    const first = converse(['can you help me refinance my mortgage']);
    expect(first.last).toEqual({ kind: 'reply', text: profile.lines.outOfScope });
    expect(first.state.outOfScopeTurns).toBe(1);
    const second = converse([
      'can you help me refinance my mortgage',
      'do you sell life insurance',
    ]);
    expect(reasonOf(second.last)).toBe(EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE);
  });

  it('escalates after repeated failures', () => {
    const { decisions } = converse([
      'when is my bill due',
      'but when is my bill due',
      "I'm asking when my bill is due",
      'when is it due',
    ]);
    expect(decisions.slice(0, 3).map((d) => d.kind)).toEqual(['reply', 'reply', 'reply']);
    expect(reasonOf(decisions[3])).toBe(EscalationReason.ESCALATION_REASON_REPEATED_FAILURE);
  });

  it('asks for clarification when it does not understand', () => {
    expect(converse(['the blue one']).last).toEqual({ kind: 'reply', text: profile.lines.clarify });
  });

  it('returns a plain, serialisable state and never mutates its inputs', () => {
    const start = initialConversationState();
    const snapshot = JSON.stringify(start);
    const { nextState } = decideTurn(profile, start, {
      text: 'what are your hours',
      confidence: 0.9,
    });
    expect(JSON.stringify(start)).toBe(snapshot);
    expect(JSON.parse(JSON.stringify(nextState))).toEqual(nextState);
    const again = decideTurn(profile, JSON.parse(JSON.stringify(nextState)) as ConversationState, {
      text: 'thanks bye',
      confidence: 0.9,
    });
    expect(again.decision.kind).toBe('end');
  });

  it('is deterministic', () => {
    const turn = { text: 'my router keeps blinking orange', confidence: 0.8 };
    expect(decideTurn(profile, initialConversationState(), turn)).toEqual(
      decideTurn(profile, initialConversationState(), turn),
    );
  });

  it('refuses turns after the conversation escalated or ended', () => {
    const { state } = converse(['operator']);
    expect(state.status).toBe('escalated');
    expect(() => decideTurn(profile, state, { text: 'hello', confidence: 0.9 })).toThrow(
      ConversationClosedError,
    );
  });
});

describe("stt's keyword pass (CallerTranscribed.keyword_hit)", () => {
  const state = initialConversationState();
  const garbled = { text: 'i want to speak to a humid please', confidence: 0.2 };

  it('turns a low-confidence turn the keyword pass flagged into a request for a person', () => {
    const decision = decideTurn(profile, state, { ...garbled, humanKeyword: true }).decision;
    expect(reasonOf(decision)).toBe(EscalationReason.ESCALATION_REASON_CALLER_ASKED);
    expect(reasonOf(decideTurn(profile, state, garbled).decision)).not.toBe(
      EscalationReason.ESCALATION_REASON_CALLER_ASKED,
    );
  });

  it('does not override a confident transcript, nor a negated request', () => {
    const question = { text: 'are you a real person', confidence: 0.95, humanKeyword: true };
    expect(reasonOf(decideTurn(profile, state, question).decision)).toBeUndefined();
    const negated = { text: "i don't need an agent", confidence: 0.2, humanKeyword: true };
    expect(reasonOf(decideTurn(profile, state, negated).decision)).not.toBe(
      EscalationReason.ESCALATION_REASON_CALLER_ASKED,
    );
  });
});
