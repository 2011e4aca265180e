import {
  DEFAULT_BARGE_IN_CONFIG,
  bargeInVerdict,
  type BargeInConfig,
} from '../barge-in/bargeInRule';
import { isBackchannelOnly } from '../barge-in/backchannel';
import { EnergyVad } from '../vad/energyVad';
import type { VadConfig } from '../vad/vadConfig';
import type { EndOfTurnConfig } from './endOfTurnConfig';
import { EndOfTurnDetector } from './endOfTurnDetector';
import { PreRoll } from './preRoll';
import type { TurnEffect, TurnOutcome, TurnTranscript } from './turnEffects';

/** Tuning of {@link CallTurnTaking}. */
export interface TurnTakingConfig {
  readonly vad: Partial<VadConfig>;
  readonly endOfTurn: Partial<EndOfTurnConfig>;
  readonly bargeIn: Partial<BargeInConfig>;
  /** Frames before the detected onset handed to the recogniser (15 = 300 ms). */
  readonly preRollFrames: number;
  /** The engine gives partial transcripts (the barge-in rule then waits for one). */
  readonly expectPartials: boolean;
}

interface OpenTurn {
  readonly turnId: string;
  readonly startMs: number;
  agentSpokeDuring: boolean;
  bargedIn: boolean;
  partialText: string | undefined;
  /** Caller speech in this turn before the agent's current utterance started: not an interruption. */
  speechBeforeAgentMs: number;
  endMs?: number;
}

/** Ended turns whose transcript has not come yet; older ones are forgotten. */
const MAX_PENDING = 4;
const FRAME_MS = 20;

/**
 * Turn-taking for one call, pure: caller frames in (with media time), effects
 * out. Runs the VAD and end-of-turn detection, keeps a pre-roll for the
 * recogniser, applies the backchannel rule while the agent speaks, and decides
 * what a turn's transcript becomes. Memory is bounded: the pre-roll, the VAD
 * window and at most {@link MAX_PENDING} ended turns.
 */
export class CallTurnTaking {
  private readonly vad: EnergyVad;
  private readonly endOfTurn: EndOfTurnDetector;
  private readonly preRoll: PreRoll;
  private readonly bargeIn: BargeInConfig;
  private turn: OpenTurn | undefined;
  private readonly pending: OpenTurn[] = [];
  private agentUtterance: string | undefined;
  /** Media time after the last voiced frame: speech is measured up to here, not through the hangover. */
  private lastVoicedEndMs = 0;

  constructor(
    private readonly callId: string,
    private readonly config: Partial<TurnTakingConfig> = {},
  ) {
    this.vad = new EnergyVad(config.vad);
    this.endOfTurn = new EndOfTurnDetector(config.endOfTurn);
    this.preRoll = new PreRoll(config.preRollFrames ?? 15);
    this.bargeIn = { ...DEFAULT_BARGE_IN_CONFIG, ...config.bargeIn };
  }

  /** The agent's utterance now playing to the caller, if any. */
  get agentSpeaking(): string | undefined {
    return this.agentUtterance;
  }

  /** The agent's audio started (`utteranceId`) or stopped (undefined) playing. */
  agentPlayback(utteranceId: string | undefined): void {
    const started = utteranceId !== undefined && utteranceId !== this.agentUtterance;
    this.agentUtterance = utteranceId;
    if (!utteranceId || !this.turn) return;
    this.turn.agentSpokeDuring = true;
    // Only what the caller says over the agent can interrupt it: the end of a sentence the
    // caller finished before the agent began (still inside the end-of-turn silence) cannot.
    if (started) this.turn.speechBeforeAgentMs = this.endOfTurn.speechMsAt(this.lastVoicedEndMs);
  }

  /** The latest partial transcript of the open turn. */
  partial(turnId: string, text: string): TurnEffect[] {
    if (this.turn?.turnId !== turnId) return [];
    this.turn.partialText = text;
    return [];
  }

  /** One 20 ms caller frame (16 kHz) whose first sample is at media time `atMs`. */
  audio(frame: Int16Array, atMs: number): TurnEffect[] {
    const decision = this.vad.push(frame, atMs);
    const nowMs = atMs + FRAME_MS;
    if (decision.voiced) this.lastVoicedEndMs = nowMs;
    const signal = this.endOfTurn.update(nowMs, decision.transition);
    const effects: TurnEffect[] = [];
    if (signal?.type === 'turn-started') {
      this.preRoll.push(frame);
      const turnId = `${this.callId}:${signal.startMs}`;
      this.turn = {
        turnId,
        startMs: signal.startMs,
        agentSpokeDuring: this.agentUtterance !== undefined,
        bargedIn: false,
        partialText: undefined,
        speechBeforeAgentMs: 0,
      };
      effects.push({
        type: 'turn-started',
        turnId,
        startMs: signal.startMs,
        agentSpeaking: this.agentUtterance !== undefined,
      });
      effects.push({ type: 'recognize', turnId, frames: this.preRoll.drain() });
      return effects;
    }
    const turn = this.turn;
    if (!turn) {
      this.preRoll.push(frame);
      return effects;
    }
    effects.push({ type: 'recognize', turnId: turn.turnId, frames: [frame] });
    if (signal?.type === 'turn-ended') {
      this.finishTurn(turn, signal.endMs);
      effects.push({
        type: 'turn-ended',
        turnId: turn.turnId,
        startMs: signal.startMs,
        endMs: signal.endMs,
        reason: signal.reason,
      });
    } else if (signal?.type === 'turn-discarded') {
      this.turn = undefined;
      effects.push({ type: 'turn-discarded', turnId: turn.turnId });
    } else {
      const bargeIn = this.checkBargeIn(turn, nowMs, Math.max(turn.startMs, this.lastVoicedEndMs));
      if (bargeIn) effects.push(bargeIn);
    }
    return effects;
  }

  /** Decides what a finished turn's transcript becomes. Call once per turn. */
  transcript(turnId: string, transcript: TurnTranscript): TurnOutcome {
    const index = this.pending.findIndex((turn) => turn.turnId === turnId);
    const turn = this.pending[index];
    if (!turn || turn.endMs === undefined) return { type: 'empty', turnId };
    this.pending.splice(index, 1);
    const text = transcript.text.trim();
    if (text === '') return { type: 'empty', turnId };
    if (turn.agentSpokeDuring && !turn.bargedIn && isBackchannelOnly(text))
      return { type: 'backchannel', turnId, text };
    return {
      type: 'transcribed',
      turnId,
      text,
      confidence: transcript.confidence ?? 0,
      keywordHit: transcript.keywordHit,
      startMs: turn.startMs,
      endMs: turn.endMs,
    };
  }

  private checkBargeIn(
    turn: OpenTurn,
    nowMs: number,
    heardUntilMs: number,
  ): TurnEffect | undefined {
    const utteranceId = this.agentUtterance;
    if (!utteranceId || turn.bargedIn) return undefined;
    const verdict = bargeInVerdict(
      {
        agentSpeaking: true,
        speechMs: this.endOfTurn.speechMsAt(heardUntilMs) - turn.speechBeforeAgentMs,
        expectPartials: this.config.expectPartials ?? false,
        ...(turn.partialText === undefined ? {} : { partialText: turn.partialText }),
      },
      this.bargeIn,
    );
    if (!verdict.interrupt) return undefined;
    turn.bargedIn = true;
    this.agentUtterance = undefined;
    return { type: 'barged-in', turnId: turn.turnId, utteranceId, atMs: nowMs };
  }

  private finishTurn(turn: OpenTurn, endMs: number): void {
    turn.endMs = endMs;
    this.turn = undefined;
    this.pending.push(turn);
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }
}
