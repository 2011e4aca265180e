import { type CarrierCaller, concatSamples } from '@warmline/testing';

/** 100 ms of silence at 8 kHz: what the phone sends while the caller says nothing. */
const SILENCE = new Int16Array(800);

interface Utterance {
  readonly samples: Int16Array;
  readonly done: () => void;
}

/**
 * The caller's side of one phone call, as a carrier streams it: one or more media streams (legs)
 * over the call's life (a transfer ends the stream; a dial nobody answers brings the caller back
 * on a new one). Like a real phone it sends audio continuously: what the caller says, silence in
 * between. Everything the caller heard, on every leg, is kept.
 */
export class PhoneCall {
  readonly legs: CarrierCaller[] = [];
  private readonly queue: Utterance[] = [];
  private endedAt: number | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    /** The carrier's id of the call (Twilio CallSid). */
    readonly callSid: string,
    /** Tells the carrier the caller hung up while on no stream (during a dial or a bridge). */
    private readonly hungUpAway: () => Promise<void> = async () => undefined,
  ) {}

  /** The stream the caller is on now, if any (none while a transfer dials or bridges). */
  get current(): CarrierCaller | undefined {
    const last = this.legs.at(-1);
    return last && !this.legClosed.has(last) ? last : undefined;
  }

  private readonly legClosed = new Set<CarrierCaller>();

  /** True once the call has ended for the caller. */
  get ended(): boolean {
    return this.endedAt !== undefined;
  }

  /** A new stream for this call: audio flows on it from now on. */
  attach(leg: CarrierCaller): void {
    this.legs.push(leg);
    void leg.closed.then(() => {
      this.legClosed.add(leg);
      this.changed();
    });
    void this.stream(leg);
    this.changed();
  }

  /** The caller says `samples` (8 kHz PCM); resolves once it has been sent (or the stream ended). */
  say(samples: Int16Array): Promise<void> {
    return new Promise((resolve) => this.queue.push({ samples, done: resolve }));
  }

  /** Every frame the caller heard, on every leg, in order. */
  heardFrames(): Int16Array[] {
    return this.legs.flatMap((leg) => leg.heardFrames);
  }

  /** Everything the caller heard, on every leg. */
  heard(): Int16Array {
    return concatSamples(this.heardFrames());
  }

  /** The caller hangs up: `stop` on the current stream (if any); the call is over. */
  async hangUp(): Promise<void> {
    if (this.ended) return;
    const leg = this.current;
    this.end();
    if (leg) await leg.hangUp().catch(() => undefined);
    else await this.hungUpAway();
  }

  /** The call is over (the carrier or the caller ended it). */
  end(): void {
    this.endedAt ??= Date.now();
    for (const item of this.queue.splice(0)) item.done();
    this.changed();
  }

  /** Resolves when `check()` is true, re-checked on every change and every 50 ms. */
  async waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline)
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 50);
        function done() {
          clearTimeout(timer);
          listeners.delete(done);
          resolve();
        }
        const listeners = this.listeners;
        listeners.add(done);
      });
    }
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private async stream(leg: CarrierCaller): Promise<void> {
    while (!this.ended && !this.legClosed.has(leg)) {
      const next = this.queue.shift();
      await leg.play(next?.samples ?? SILENCE).catch(() => undefined);
      next?.done();
    }
  }
}
