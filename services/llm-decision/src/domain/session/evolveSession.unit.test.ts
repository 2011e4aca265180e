import { EscalationReason, KeywordHit } from '@warmline/contracts';
import type { ConversationEvent } from '@warmline/contracts';
import { loadProfileFileSync } from '../../adapters/profileFile';
import { initialConversationState } from '../engine/conversationState';
import { decideTurn } from '../engine/decideTurn';
import type { Decision } from '../engine/decision';
import { type CallSession, initialCallSession } from './callSession';
import { evolveSession } from './evolveSession';
import { turnEffects } from './turnEffects';

const profile = loadProfileFileSync();
const evolve = evolveSession(profile);
const speech = { voice: '', sampleRate: 0 };

const transcript = (n: number, text: string): ConversationEvent => ({
  eventId: `t${n}`,
  callId: 'c1',
  occurredAt: new Date(0),
  causationId: '',
  correlationId: 'c1',
  payload: {
    $case: 'transcribed',
    value: {
      turnId: `turn-${n}`,
      text,
      confidence: 0.9,
      startMs: 0,
      endMs: 0,
      engine: 'x',
      lastFrameIngressAtMs: 0,
      keywordHit: KeywordHit.KEYWORD_HIT_UNSPECIFIED,
    },
  },
});

/** The events the service appends for turn `n` decided as `decision`. */
const answer = (n: number, decision: Decision, provider: string, fallback = false) =>
  turnEffects(
    {
      callId: 'c1',
      transcriptEventId: `t${n}`,
      callerTurnId: `turn-${n}`,
      correlationId: 'c1',
      decision,
      provider,
      fallback,
      summary: 's',
      cacheable: true,
      nowMs: 0,
    },
    speech,
  ).events;

const fold = (events: readonly ConversationEvent[]): CallSession =>
  events.reduce(evolve, initialCallSession());

describe('evolveSession', () => {
  it('rebuilds the local policy state, history and intents from the stream', () => {
    const texts = ['what are your hours', 'is there a data cap', 'my internet is slow'];
    let state = initialConversationState();
    const events: ConversationEvent[] = [];
    texts.forEach((text, i) => {
      const outcome = decideTurn(profile, state, { text, confidence: 0.9 });
      state = outcome.nextState;
      events.push(transcript(i, text), ...answer(i, outcome.decision, 'local-policy'));
    });
    const session = fold(events);
    expect(session.policy).toEqual(state);
    expect(session.history.map((t) => t.speaker)).toEqual([
      'caller',
      'agent',
      'caller',
      'agent',
      'caller',
      'agent',
    ]);
    expect(session.intentsAnswered).toEqual(['hours', 'data_cap', 'slow_speed']);
    expect(session.pending.size).toBe(0);
    expect(session.lastAnsweredTurnId).toBe('turn-2');
  });

  it('keeps the policy state open when another provider answered what the engine would escalate', () => {
    const events = [
      transcript(0, 'I want to speak to a human'),
      ...answer(0, { kind: 'reply', text: 'Sure, one moment.' }, 'openai'),
    ];
    const session = fold(events);
    expect(session.status).toBe('active');
    expect(session.policy.status).toBe('active');
    expect(session.policy.turnCount).toBe(1);
  });

  it('counts fallback replies in a row, and resets on a provider reply', () => {
    const reply = { kind: 'reply', text: 'x' } as const;
    const failing = [0, 1].flatMap((n) => [
      transcript(n, 'hi'),
      ...answer(n, reply, 'local-policy', true),
    ]);
    expect(fold(failing).consecutiveFailures).toBe(2);
    expect(
      fold([...failing, transcript(2, 'hi'), ...answer(2, reply, 'openai')]).consecutiveFailures,
    ).toBe(0);
  });

  it('closes on an escalation, whose transition line is not spoken, and ignores later transcripts', () => {
    const escalate: Decision = {
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
      detail: 'd',
      replyText: profile.lines.transition,
      destinationId: 'acme-support-desk',
    };
    const session = fold([
      transcript(0, 'a human please'),
      ...answer(0, escalate, 'local-policy'),
      transcript(1, 'hello?'),
    ]);
    expect(session.status).toBe('escalated');
    expect(session.replies.get('turn-0')?.spoken).toBe(false);
    expect(session.pending.size).toBe(0);
  });

  it('ends on a hang-up request', () => {
    const end: Decision = { kind: 'end', replyText: profile.lines.goodbye };
    expect(fold([transcript(0, 'bye'), ...answer(0, end, 'local-policy')]).status).toBe('ended');
  });
});
