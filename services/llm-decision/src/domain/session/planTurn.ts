import type { CallSession, ReplyRecord } from './callSession';

/** Why a transcript is acknowledged without a decision. */
export type SkipReason = 'escalated' | 'ended' | 'stale';

/**
 * What to do with a final transcript:
 * - `answered`: this turn has a reply already (a redelivery); `latest` says whether it is
 *   still the newest reply, the only case where its speech request may be sent again;
 * - `skip`: the call escalated or ended, or the transcript is too old to answer;
 * - `decide`: decide a reply.
 */
export type TurnPlan =
  | { readonly kind: 'answered'; readonly reply: ReplyRecord; readonly latest: boolean }
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  | { readonly kind: 'decide' };

/** The transcript being planned, with when it happened and when it is planned (ms since epoch). */
export interface TranscriptToPlan {
  readonly turnId: string;
  readonly occurredAtMs: number | undefined;
  readonly nowMs: number;
  /** Transcripts older than this are not answered (the caller has moved on). */
  readonly staleAfterMs: number;
}

/** Plans a transcript against the call's session. Pure. */
export function planTurn(session: CallSession, transcript: TranscriptToPlan): TurnPlan {
  const reply = session.replies.get(transcript.turnId);
  if (reply !== undefined) {
    return { kind: 'answered', reply, latest: session.lastAnsweredTurnId === transcript.turnId };
  }
  if (session.status !== 'active') return { kind: 'skip', reason: session.status };
  const age =
    transcript.occurredAtMs === undefined ? 0 : transcript.nowMs - transcript.occurredAtMs;
  if (age > transcript.staleAfterMs) return { kind: 'skip', reason: 'stale' };
  return { kind: 'decide' };
}
