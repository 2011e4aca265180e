import { FRAME_MS, type MixMode, mixThreeParty, monotonicNowMs } from '@warmline/audio';
import type { ClockMember, MediaClock } from '../media/clock/mediaClock';
import type { MediaTransport } from '../media/mediaTransport';

const RATE = 8000;
const FRAME = 160;
/** Frames kept per party before the oldest is dropped (60 ms of slack between clocks). */
const MAX_QUEUE = 3;

/** A party's output side: where its mixed audio goes. */
export interface MixOutput {
  sendAudio(samples: Int16Array): void;
}

class FrameQueue {
  private readonly frames: Int16Array[] = [];
  private partial = new Int16Array(0);

  push(samples: Int16Array): void {
    let data = samples;
    if (this.partial.length > 0) {
      data = new Int16Array(this.partial.length + samples.length);
      data.set(this.partial);
      data.set(samples, this.partial.length);
    }
    let at = 0;
    for (; at + FRAME <= data.length; at += FRAME) {
      this.frames.push(data.slice(at, at + FRAME));
      if (this.frames.length > MAX_QUEUE) this.frames.shift();
    }
    this.partial = data.slice(at);
  }

  pop(): Int16Array | undefined {
    return this.frames.shift();
  }

  clear(): void {
    this.frames.length = 0;
    this.partial = new Int16Array(0);
  }
}

/**
 * The 3-party conference of a SIP call once the callee answered: every 20 ms (on the shared
 * media clock) it takes one frame from the caller, the callee and the agent (a missing one is
 * silence), mixes with libs/audio's `mixThreeParty` for the current mode, and sends each
 * party what it hears. Caller and callee always hear each other; the agent hears both.
 */
export class ThreePartyBridge implements ClockMember {
  private readonly caller = new FrameQueue();
  private readonly callee = new FrameQueue();
  private readonly agent = new FrameQueue();
  private due = 0;
  private running = false;
  modeValue: MixMode;

  /** Where the call media session sends the agent's paced frames while bridged. */
  readonly agentTransport: MediaTransport;

  constructor(
    private readonly clock: MediaClock,
    private readonly toCaller: MixOutput,
    private readonly toCallee: MixOutput,
    private readonly toAgent: (samples: Int16Array) => void,
    mode: MixMode = 'barge',
    private readonly now: () => number = monotonicNowMs,
  ) {
    this.modeValue = mode;
    this.agentTransport = {
      rate: RATE,
      confirmsPlayback: false,
      sendAudio: (samples) => this.agent.push(samples),
      sendMark: () => undefined,
      sendClear: () => this.agent.clear(),
    };
  }

  get mode(): MixMode {
    return this.modeValue;
  }

  /** Changes who hears the agent; `bridge` takes the agent out for good. */
  setMode(mode: MixMode): void {
    if (this.modeValue === 'bridge') return;
    this.modeValue = mode;
    if (mode === 'bridge') this.agent.clear();
  }

  callerAudio(samples: Int16Array): void {
    this.caller.push(samples);
  }

  calleeAudio(samples: Int16Array): void {
    this.callee.push(samples);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.due = this.now() + FRAME_MS;
    this.clock.schedule(this, this.due);
  }

  stop(): void {
    this.running = false;
    this.clock.cancel(this);
  }

  tick(nowMs: number): number | undefined {
    if (!this.running) return undefined;
    const mode = this.modeValue;
    const out = mixThreeParty(
      {
        caller: this.caller.pop(),
        callee: this.callee.pop(),
        agent: mode === 'bridge' ? undefined : this.agent.pop(),
      },
      mode,
      RATE,
    );
    this.toCaller.sendAudio(out.caller);
    this.toCallee.sendAudio(out.callee);
    if (out.agent) this.toAgent(out.agent);
    this.due += FRAME_MS;
    if (this.due < nowMs - 5 * FRAME_MS) this.due = nowMs + FRAME_MS; // a stall: re-anchor
    return this.due;
  }
}
