import type { KeywordHit } from '../keywords/humanRequest';
import type { TurnEndReason } from './endOfTurnDetector';

/** What the per-call turn-taking core asks its shell to do for one caller frame. */
export type TurnEffect =
  /** Speech began: record CallerSpeechStarted and open a recognition stream. */
  | {
      readonly type: 'turn-started';
      readonly turnId: string;
      readonly startMs: number;
      readonly agentSpeaking: boolean;
    }
  /** Audio for the turn's recognition stream (the pre-roll first, then each frame). */
  | { readonly type: 'recognize'; readonly turnId: string; readonly frames: readonly Int16Array[] }
  /** End of turn: record CallerSpeechEnded and end the stream (its final follows). */
  | {
      readonly type: 'turn-ended';
      readonly turnId: string;
      readonly startMs: number;
      readonly endMs: number;
      readonly reason: TurnEndReason;
    }
  /** Too little speech to be a turn: cancel the stream, record nothing more. */
  | { readonly type: 'turn-discarded'; readonly turnId: string }
  /** The caller interrupted the agent: clear playback, cancel the reply, record CallerBargedIn. */
  | {
      readonly type: 'barged-in';
      readonly turnId: string;
      readonly utteranceId: string;
      readonly atMs: number;
    };

/** The recognised text of a turn, as the shell collected it from the stream's finals. */
export interface TurnTranscript {
  readonly text: string;
  readonly confidence: number | undefined;
  readonly keywordHit: KeywordHit | undefined;
}

/** What to record for a turn once its transcript is in. */
export type TurnOutcome =
  /** Record CallerTranscribed. */
  | {
      readonly type: 'transcribed';
      readonly turnId: string;
      readonly text: string;
      readonly confidence: number;
      readonly keywordHit: KeywordHit | undefined;
      readonly startMs: number;
      readonly endMs: number;
    }
  /** Only backchannel words while the agent spoke: not a turn for the agent to answer. */
  | { readonly type: 'backchannel'; readonly turnId: string; readonly text: string }
  /** Nothing recognised, or a turn this core does not know (already handled, or from before a reset). */
  | { readonly type: 'empty'; readonly turnId: string };
