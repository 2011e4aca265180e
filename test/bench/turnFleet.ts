import { CarrierCaller, Reservoir } from '@warmline/testing';
import type { LocalCarrierAccount } from '@warmline/local-stack';
import { SILENCE_PAYLOAD, type SpokenLine } from './speechFrames';

/** Ten 2 ms phases: every caller sends one frame per 20 ms, callers spread over the phases. */
const PHASES = 10;
const TICK_MS = 2;
/** The agent has finished speaking when no agent frame came for this long. */
const AGENT_DONE_MS = 500;
/**
 * Agent frames further apart than this start a new run (the caller cannot tell an utterance
 * boundary from a delay): lateness is measured within runs, so a frame over 40 ms late starts
 * a new run instead of counting. The 5 ms bound is crossed well before that.
 */
const UTTERANCE_GAP_MS = 60;
/** A turn with no agent audio after this long counts as unanswered. */
const REPLY_TIMEOUT_MS = 15_000;
/** A caller whose stream is not open after this long counts as a failed dial. */
const DIAL_TIMEOUT_MS = 10_000;
/** A step gives up growing the fleet after this many failed dials (the stack is not taking calls). */
const MAX_FAILED_DIALS = 20;

type State =
  | { readonly kind: 'greeting'; readonly since: number }
  | { readonly kind: 'pause'; readonly until: number }
  | { readonly kind: 'speaking'; frame: number }
  | { readonly kind: 'awaiting'; readonly lastFrameAt: number }
  | { readonly kind: 'listening' };

interface Leg {
  readonly caller: CarrierCaller;
  state: State;
  lastMediaAt?: number;
  greeted: boolean;
  /** Arrival time − 20 ms × index of each agent frame of the utterance arriving now. */
  run: number[];
}

/** What the fleet measured since the last {@link TurnFleet.take}. */
export interface FleetWindow {
  /** Last caller frame sent → first agent frame received, minus the end-of-turn silence, ms. */
  readonly overheadMs: Float64Array;
  /**
   * Outbound jitter at the callers: how late each agent frame arrived against its utterance's
   * 20 ms schedule, anchored at the utterance's earliest frame, ms.
   */
  readonly jitterMs: Float64Array;
  readonly turns: number;
  /**
   * Turns not counted: agent audio arrived before stt could have ended the turn (the greeting or
   * a late reply to an earlier turn, under overload), so it was no reply to this one.
   */
  readonly stray: number;
  readonly unanswered: number;
  readonly dropped: number;
}

const now = (): number => performance.now();

/**
 * Twilio-protocol callers on the real stack, driven by one shared timer: each sends a frame every
 * 20 ms (speech, or silence in between, as a phone does), waits for the agent's greeting, then
 * takes turns: says its line, waits for the agent's reply to finish, pauses, says it again. Per
 * turn it measures the time from its last speech frame to the first agent frame of the reply.
 */
export class TurnFleet {
  private readonly legs: Leg[] = [];
  private overhead = new Reservoir(200_000);
  private jitter = new Reservoir(500_000);
  private turns = 0;
  private stray = 0;
  private unanswered = 0;
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly streamUrl: string,
    private readonly account: LocalCarrierAccount,
    private readonly line: SpokenLine,
    /** The end-of-turn silence stt waits for (STT_END_OF_TURN_SILENCE): a configured wait, not overhead. */
    private readonly endOfTurnMs: number,
  ) {}

  get size(): number {
    return this.legs.length;
  }

  /** Dials that did not open within {@link DIAL_TIMEOUT_MS} (not counted in the fleet). */
  failedDials = 0;
  /** Why the last failed dial failed. */
  lastDialError = '';

  /**
   * Dials callers until `target` are up (20 at a time); each waits for its greeting before it
   * speaks. Gives up after {@link MAX_FAILED_DIALS} failed dials (the stack is not taking calls).
   */
  async growTo(target: number): Promise<void> {
    const failedBefore = this.failedDials;
    while (this.legs.length < target && this.failedDials - failedBefore < MAX_FAILED_DIALS) {
      const batch = Math.min(20, target - this.legs.length);
      await Promise.all(Array.from({ length: batch }, () => this.dialWithin()));
    }
  }

  private async dialWithin(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), DIAL_TIMEOUT_MS);
    });
    const dialing = this.dial();
    const outcome = await Promise.race([dialing, timedOut]).catch((error: unknown) => {
      this.lastDialError = error instanceof Error ? error.message : String(error);
      return 'failed' as const;
    });
    if (outcome === 'timeout') this.lastDialError = `not open after ${DIAL_TIMEOUT_MS} ms`;
    clearTimeout(timer);
    if (typeof outcome === 'object') {
      this.legs.push(outcome);
      return;
    }
    this.failedDials += 1;
    // a dial that opens late is hung up; one that failed is gone
    void dialing.then((leg) => leg.caller.hangUp()).catch(() => undefined);
  }

  /** Starts the shared timer. */
  start(): void {
    let tick = 0;
    const anchor = now();
    const loop = (): void => {
      const phase = tick % PHASES;
      const at = now();
      for (let i = phase; i < this.legs.length; i += PHASES) this.step(this.legs[i]!, at);
      tick++;
      this.timer = setTimeout(loop, Math.max(0, anchor + tick * TICK_MS - now()));
    };
    loop();
  }

  /** The measurements since the last call, then starts a new window. */
  take(): FleetWindow {
    for (const leg of this.legs) this.endRun(leg);
    const window = {
      overheadMs: this.overhead.take(),
      jitterMs: this.jitter.take(),
      turns: this.turns,
      stray: this.stray,
      unanswered: this.unanswered,
      dropped: this.dropped,
    };
    this.turns = 0;
    this.stray = 0;
    this.unanswered = 0;
    this.dropped = 0;
    return window;
  }

  /** Hangs every caller up and stops the timer. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all(this.legs.map((leg) => leg.caller.hangUp().catch(() => undefined)));
  }

  /** One 20 ms step of one caller: send its frame, move its turn on. */
  private step(leg: Leg, at: number): void {
    const state = leg.state;
    if (state.kind === 'speaking') {
      leg.caller.sendMediaPayload(this.line.payloads[state.frame]!);
      state.frame += 1;
      if (state.frame === this.line.payloads.length)
        leg.state = { kind: 'awaiting', lastFrameAt: now() };
      return;
    }
    leg.caller.sendMediaPayload(SILENCE_PAYLOAD);
    const quiet = leg.lastMediaAt === undefined || at - leg.lastMediaAt > AGENT_DONE_MS;
    if (state.kind === 'greeting' && ((leg.greeted && quiet) || at - state.since > 20_000))
      leg.state = this.pause(at);
    else if (state.kind === 'listening' && quiet) leg.state = this.pause(at);
    else if (state.kind === 'pause' && at >= state.until)
      leg.state = { kind: 'speaking', frame: 0 };
    else if (state.kind === 'awaiting' && at - state.lastFrameAt > REPLY_TIMEOUT_MS) {
      this.unanswered += 1;
      leg.state = this.pause(at);
    }
  }

  /** 0.2–1.2 s of silence before the next turn (callers do not all speak in step). */
  private pause(at: number): State {
    return { kind: 'pause', until: at + 200 + Math.random() * 1_000 };
  }

  private onMedia(leg: Leg): void {
    const at = now();
    if (leg.lastMediaAt !== undefined && at - leg.lastMediaAt >= UTTERANCE_GAP_MS) this.endRun(leg);
    leg.run.push(at - 20 * leg.run.length);
    leg.lastMediaAt = at;
    leg.greeted = true;
    if (leg.state.kind === 'awaiting') {
      const overhead = at - leg.state.lastFrameAt - this.endOfTurnMs;
      if (overhead < 0) this.stray += 1;
      else {
        this.overhead.add(overhead);
        this.turns += 1;
      }
      leg.state = { kind: 'listening' };
    }
  }

  /** The utterance's frames so far: each one's lateness against the earliest-anchored schedule. */
  private endRun(leg: Leg): void {
    if (leg.run.length > 1) {
      let anchor = Infinity;
      for (const value of leg.run) anchor = Math.min(anchor, value);
      for (const value of leg.run) this.jitter.add(value - anchor);
    }
    leg.run = [];
  }

  private async dial(): Promise<Leg> {
    const holder: { leg?: Leg } = {};
    const caller = await CarrierCaller.dial({
      carrier: 'twilio',
      url: this.streamUrl,
      authToken: this.account.authToken,
      accountId: this.account.accountSid,
      from: this.account.callerNumber,
      to: this.account.number,
      playout: 'immediate',
      record: false,
      onMedia: () => {
        if (holder.leg) this.onMedia(holder.leg);
      },
    });
    if (this.stopping) {
      await caller.hangUp();
      throw new Error('the fleet stopped');
    }
    const leg: Leg = {
      caller,
      state: { kind: 'greeting', since: now() },
      greeted: false,
      run: [],
    };
    holder.leg = leg;
    void caller.closed.then(() => {
      if (!this.stopping && this.legs.includes(leg)) this.dropped += 1;
    });
    return leg;
  }
}
