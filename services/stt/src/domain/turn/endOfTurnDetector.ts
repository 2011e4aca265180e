import type { VadTransition } from '../vad/energyVad';
import { DEFAULT_END_OF_TURN_CONFIG, type EndOfTurnConfig } from './endOfTurnConfig';

/** Why a turn ended. */
export type TurnEndReason = 'silence' | 'max-length';

/** What the detector decides on a frame. */
export type TurnSignal =
  | { readonly type: 'turn-started'; readonly startMs: number }
  | {
      readonly type: 'turn-ended';
      readonly startMs: number;
      /** Media time just after the last speech. */
      readonly endMs: number;
      /** Speech in the turn, pauses excluded. */
      readonly speechMs: number;
      readonly reason: TurnEndReason;
    }
  | { readonly type: 'turn-discarded'; readonly startMs: number; readonly speechMs: number };

type State =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'speaking';
      readonly startMs: number;
      readonly segmentStartMs: number;
      readonly speechMs: number;
    }
  | {
      readonly kind: 'pausing';
      readonly startMs: number;
      readonly lastEndMs: number;
      readonly speechMs: number;
    };

/**
 * End-of-turn detection from VAD transitions and the media clock: a turn
 * starts with speech and ends once the caller has been silent for
 * {@link EndOfTurnConfig.endSilenceMs}; a pause shorter than that continues
 * the same turn. A turn with too little speech is discarded as noise. Pure:
 * time is the media time of each frame.
 */
export class EndOfTurnDetector {
  private readonly config: EndOfTurnConfig;
  private state: State = { kind: 'idle' };

  constructor(config: Partial<EndOfTurnConfig> = {}) {
    this.config = { ...DEFAULT_END_OF_TURN_CONFIG, ...config };
  }

  /** True from turn start until the turn ends or is discarded. */
  get inTurn(): boolean {
    return this.state.kind !== 'idle';
  }

  /**
   * Advances past one frame: `nowMs` is the media time at the end of the
   * frame, `transition` what the VAD decided on it. Returns the signal this
   * frame produces, if any.
   */
  update(nowMs: number, transition?: VadTransition): TurnSignal | undefined {
    const state = this.state;
    switch (state.kind) {
      case 'idle':
        if (transition?.type !== 'speech-start') return undefined;
        this.state = {
          kind: 'speaking',
          startMs: transition.atMs,
          segmentStartMs: transition.atMs,
          speechMs: 0,
        };
        return { type: 'turn-started', startMs: transition.atMs };
      case 'speaking': {
        if (transition?.type === 'speech-end') {
          const speechMs = state.speechMs + (transition.atMs - state.segmentStartMs);
          this.state = {
            kind: 'pausing',
            startMs: state.startMs,
            lastEndMs: transition.atMs,
            speechMs,
          };
          return this.checkSilence(nowMs);
        }
        if (nowMs - state.startMs < this.config.maxTurnMs) return undefined;
        const speechMs = state.speechMs + (nowMs - state.segmentStartMs);
        this.state = { kind: 'idle' };
        return {
          type: 'turn-ended',
          startMs: state.startMs,
          endMs: nowMs,
          speechMs,
          reason: 'max-length',
        };
      }
      case 'pausing':
        if (transition?.type === 'speech-start') {
          this.state = {
            kind: 'speaking',
            startMs: state.startMs,
            segmentStartMs: transition.atMs,
            speechMs: state.speechMs,
          };
          return undefined;
        }
        return this.checkSilence(nowMs);
      default: {
        const never: never = state;
        return never;
      }
    }
  }

  /**
   * Speech so far in the current turn, pauses excluded (0 outside a turn), with
   * the current segment counted up to `heardUntilMs` (the end of the last
   * voiced frame, so the VAD's hangover is not counted as speech).
   */
  speechMsAt(heardUntilMs: number): number {
    const state = this.state;
    if (state.kind === 'idle') return 0;
    return state.kind === 'speaking'
      ? state.speechMs + Math.max(0, heardUntilMs - state.segmentStartMs)
      : state.speechMs;
  }

  /** Forgets any turn in progress (the call ended, or the stream moved to another replica). */
  reset(): void {
    this.state = { kind: 'idle' };
  }

  private checkSilence(nowMs: number): TurnSignal | undefined {
    const state = this.state;
    if (state.kind !== 'pausing' || nowMs - state.lastEndMs < this.config.endSilenceMs)
      return undefined;
    this.state = { kind: 'idle' };
    const { startMs, speechMs } = state;
    if (speechMs < this.config.minSpeechMs) return { type: 'turn-discarded', startMs, speechMs };
    return { type: 'turn-ended', startMs, endMs: state.lastEndMs, speechMs, reason: 'silence' };
  }
}
