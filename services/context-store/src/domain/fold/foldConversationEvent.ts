import {
  type AgentReplied,
  type AgentSpeechPlayed,
  type ConversationEvent,
  escalationReasonToJSON,
} from '@warmline/contracts';
import type { ContextDoc, TurnRecord } from '../contextDoc';
import { assertNever } from '../contextErrors';
import { addTimeline, type FoldContext } from './foldContext';
import { dropUnspokenReply, replaceTurn, turnIndexOfUtterance, upsertTurn } from './turns';

const onReplied = (doc: ContextDoc, v: AgentReplied, ctx: FoldContext): ContextDoc => {
  const turn: TurnRecord = {
    turnId: v.turnId,
    speaker: 'agent',
    text: ctx.redact(v.text),
    at: ctx.at,
    startMs: 0,
    endMs: 0,
    confidence: 0,
    utteranceId: v.utteranceId,
    inReplyToTurnId: v.inReplyToTurnId,
    fallback: v.fallback,
  };
  // Playback reported before the reply (an unusual order): keep what the caller heard.
  const index = turnIndexOfUtterance(doc, v.utteranceId);
  const existing = doc.turns[index];
  if (!existing) return upsertTurn(doc, turn);
  const merged = existing.playback ? { ...turn, playback: existing.playback } : turn;
  return replaceTurn(doc, index, merged);
};

const onPlayed = (doc: ContextDoc, v: AgentSpeechPlayed, ctx: FoldContext): ContextDoc => {
  const playback = {
    heardText: ctx.redact(v.heardText),
    playedMs: v.playedMs,
    totalMs: v.totalMs,
    interrupted: v.interrupted,
  };
  const index = turnIndexOfUtterance(doc, v.utteranceId);
  const existing = doc.turns[index];
  if (existing) return replaceTurn(doc, index, { ...existing, playback });
  // Speech that was not a reply (the transition line): the caller heard it, so it is a turn.
  return upsertTurn(doc, {
    turnId: v.utteranceId,
    speaker: 'agent',
    text: playback.heardText,
    at: ctx.at,
    startMs: 0,
    endMs: 0,
    confidence: 0,
    utteranceId: v.utteranceId,
    announcement: true,
    playback,
  });
};

/**
 * Folds one conversation event: final caller transcripts and agent replies become turns, playback
 * reports record what the caller actually heard, escalation and hang-up requests and voicemails
 * are kept. All text is redacted first. Partial transcripts never reach this stream.
 */
export const foldConversationEvent = (
  doc: ContextDoc,
  event: ConversationEvent,
  ctx: FoldContext,
): ContextDoc => {
  const payload = event.payload;
  if (!payload) return doc;
  switch (payload.$case) {
    case 'speechStarted':
    case 'speechEnded':
      return doc;
    case 'transcribed': {
      const v = payload.value;
      return upsertTurn(doc, {
        turnId: v.turnId,
        speaker: 'caller',
        text: ctx.redact(v.text),
        at: ctx.at,
        startMs: v.startMs,
        endMs: v.endMs,
        confidence: v.confidence,
      });
    }
    case 'replied':
      return onReplied(doc, payload.value, ctx);
    case 'speechPlayed':
      return onPlayed(doc, payload.value, ctx);
    case 'escalationRequested': {
      const v = payload.value;
      const reason = escalationReasonToJSON(v.reason);
      const request = {
        reason,
        detail: ctx.redact(v.detail),
        summary: ctx.redact(v.summary),
        turnId: v.turnId,
        at: ctx.at,
        firstAt: doc.request?.firstAt ?? ctx.at,
      };
      // The reply that decided to escalate is spoken by the saga (the transition line): one turn.
      return addTimeline(
        { ...dropUnspokenReply(doc, v.turnId), request },
        ctx,
        'conversation',
        'conversation.escalation-requested',
        reason,
      );
    }
    case 'hangupRequested':
      // Likewise the goodbye, spoken by the orchestrator's agent session.
      return addTimeline(
        { ...dropUnspokenReply(doc, payload.value.turnId), hangupRequestedAt: ctx.at },
        ctx,
        'conversation',
        'conversation.hangup-requested',
      );
    case 'bargedIn':
      return addTimeline(doc, ctx, 'conversation', 'conversation.barged-in');
    case 'voicemailRecorded': {
      const v = payload.value;
      const voicemail = {
        recordingId: v.recordingId,
        durationMs: v.durationMs,
        transcript: ctx.redact(v.transcript),
        at: ctx.at,
      };
      const seconds = `${Math.round(v.durationMs / 1000)} s`;
      return addTimeline(
        { ...doc, voicemail },
        ctx,
        'conversation',
        'conversation.voicemail-recorded',
        seconds,
      );
    }
    default:
      return assertNever(payload);
  }
};
