import type { AgentReplied, ConversationEvent } from '@warmline/contracts';
import type { ConversationState } from '../engine/conversationState';
import { decideTurn } from '../engine/decideTurn';
import type { AgentProfile } from '../profile/agentProfile';
import type { CallSession, PendingTurn } from './callSession';

/**
 * The policy engine's bookkeeping for an answered turn. Its own decision is not what happened
 * (another provider may have answered), so the state stays open; the session's status says
 * whether the call escalated or ended.
 */
const advancePolicy = (
  profile: AgentProfile,
  policy: ConversationState,
  turn: PendingTurn,
): ConversationState => {
  const open: ConversationState =
    policy.status === 'active' ? policy : { ...policy, status: 'active' };
  const { nextState } = decideTurn(profile, open, { text: turn.text, confidence: turn.confidence });
  return { ...nextState, status: 'active' };
};

const withEntry = <TValue>(
  map: ReadonlyMap<string, TValue>,
  key: string,
  value: TValue | undefined,
): ReadonlyMap<string, TValue> => {
  const next = new Map(map);
  if (value === undefined) next.delete(key);
  else next.set(key, value);
  return next;
};

const onReplied = (profile: AgentProfile, session: CallSession, r: AgentReplied): CallSession => {
  const turn = session.pending.get(r.inReplyToTurnId);
  return {
    ...session,
    policy: turn === undefined ? session.policy : advancePolicy(profile, session.policy, turn),
    history: [
      ...session.history,
      ...(turn === undefined ? [] : [{ speaker: 'caller' as const, text: turn.text }]),
      { speaker: 'agent', text: r.text },
    ],
    consecutiveFailures: r.fallback ? session.consecutiveFailures + 1 : 0,
    pending: withEntry(session.pending, r.inReplyToTurnId, undefined),
    replies: withEntry(session.replies, r.inReplyToTurnId, {
      utteranceId: r.utteranceId,
      text: r.text,
      provider: r.provider,
      spoken: true,
    }),
    lastAnsweredTurnId: r.inReplyToTurnId,
    intentsAnswered:
      r.intentId === '' ? session.intentsAnswered : [...session.intentsAnswered, r.intentId],
  };
};

/** The session after a terminal decision; its line is the orchestrator's to say, not ours. */
const closed = (
  session: CallSession,
  status: 'escalated' | 'ended',
  turnId: string,
): CallSession => {
  const reply = session.replies.get(turnId);
  return {
    ...session,
    status,
    replies: withEntry(session.replies, turnId, reply && { ...reply, spoken: false }),
  };
};

/**
 * Folds one conversation event into the session (use with `reduce` over the call's stream).
 * Pure: the same profile and events always give the same session. Events other services
 * append (speech, barge-in, voicemail) change nothing here.
 */
export const evolveSession =
  (profile: AgentProfile) =>
  (session: CallSession, event: ConversationEvent): CallSession => {
    const payload = event.payload;
    if (payload === undefined) return session;
    switch (payload.$case) {
      case 'transcribed': {
        const { turnId, text, confidence } = payload.value;
        if (session.status !== 'active' || session.replies.has(turnId)) return session;
        return {
          ...session,
          pending: withEntry(session.pending, turnId, { turnId, text, confidence }),
        };
      }
      case 'replied':
        return onReplied(profile, session, payload.value);
      case 'escalationRequested':
        return closed(session, 'escalated', payload.value.turnId);
      case 'hangupRequested':
        return closed(session, 'ended', payload.value.turnId);
      case 'speechStarted':
      case 'speechEnded':
      case 'speechPlayed':
      case 'bargedIn':
      case 'voicemailRecorded':
        return session;
      default: {
        const unknown: never = payload;
        return unknown;
      }
    }
  };
