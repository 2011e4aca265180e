import { randomUUID } from 'node:crypto';
import { encodeMulaw, pcmToBytes, sine } from '@warmline/audio';
import { type Bus, protoCodec, publish } from '@warmline/bus';
import { AudioFrame, subjects } from '@warmline/contracts';
import { CarrierCaller, Reservoir, waitFor } from '@warmline/testing';
import { TEST_PUBLIC_BASE_URL } from '../testSupport/gatewayHarness';
import type { FakeCallControl } from '../testSupport/fakeCallControl';
import { testAccounts, testParties } from '../testSupport/testCarrierSettings';

const frameCodec = protoCodec(AudioFrame);
const AGENT_FRAMES_PER_TICK = 5; // 100 ms of agent audio per call every 100 ms, as tts sends ahead of real time
const PHASES = 10;
const TICK_MS = 2;

interface Leg {
  readonly caller: CarrierCaller;
  readonly callId: string;
  readonly utteranceId: string;
  agentSequence: number;
  lastArrival?: number;
}

/**
 * Many Twilio-protocol callers driven by one timer (each sends one inbound
 * frame per 20 ms), and the agent side: 100 ms of agent audio per call every
 * 100 ms, kept 300 ms ahead, so every call's pacer always has work.
 */
export class CallerFleet {
  private readonly legs: Leg[] = [];
  /** |inter-arrival − 20 ms| of agent frames at the callers, ms (this process's own delays included). */
  readonly arrivalJitter = new Reservoir(200_000);
  private readonly inboundPayload = Buffer.from(
    encodeMulaw(sine({ rate: 8000, hz: 440, samples: 160, amplitude: 0.3 })),
  ).toString('base64');
  private readonly agentPcm = Buffer.from(
    pcmToBytes(sine({ rate: 16000, hz: 600, samples: 320, amplitude: 0.3 })).buffer,
  );
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly port: number,
    private readonly bus: Bus,
    private readonly callControl: FakeCallControl,
  ) {}

  get size(): number {
    return this.legs.length;
  }

  private stopping = false;

  /** Dials callers until `target` are up (20 at a time), each answered by the test call-control. */
  async growTo(target: number): Promise<void> {
    while (this.legs.length < target) {
      const batch = Math.min(20, target - this.legs.length);
      await Promise.all(Array.from({ length: batch }, () => this.dial()));
    }
  }

  /**
   * Starts the shared timer. Callers are spread over ten 2 ms phases (as real
   * streams arrive at any phase): every 2 ms one tenth of them sends its
   * inbound frame, and every 10 ms one tenth of the calls gets 100 ms of agent audio.
   */
  start(): void {
    let tick = 0;
    const anchor = performance.now();
    const loop = (): void => {
      const phase = tick % PHASES;
      for (let i = phase; i < this.legs.length; i += PHASES)
        this.legs[i]!.caller.sendMediaPayload(this.inboundPayload);
      if (tick % 5 === 0) {
        const agentPhase = (tick / 5) % PHASES;
        for (let i = agentPhase; i < this.legs.length; i += PHASES)
          this.feed(this.legs[i]!, AGENT_FRAMES_PER_TICK);
      }
      tick++;
      this.timer = setTimeout(loop, Math.max(0, anchor + tick * TICK_MS - performance.now()));
    };
    loop();
  }

  /** Calls that ended before the benchmark hung them up. */
  failures = 0;

  /** Hangs every caller up and stops the timers. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all(this.legs.map((leg) => leg.caller.hangUp()));
  }

  private async dial(): Promise<void> {
    const twilio = testAccounts().twilio[0]!;
    const holder: { leg?: Leg } = {};
    const caller = await CarrierCaller.dial({
      carrier: 'twilio',
      url: `ws://127.0.0.1:${this.port}/twilio/stream`,
      signedUrl: `${TEST_PUBLIC_BASE_URL.replace(/^https/, 'wss')}/twilio/stream`,
      authToken: twilio.authToken,
      accountId: twilio.accountSid,
      ...testParties.twilio,
      playout: 'immediate',
      record: false,
      onMedia: (atMs) => {
        const leg = holder.leg;
        if (!leg) return;
        if (leg.lastArrival !== undefined)
          this.arrivalJitter.add(Math.abs(atMs - leg.lastArrival - 20));
        leg.lastArrival = atMs;
      },
    });
    const start = await waitFor(
      () => this.callControl.starts.find((s) => s.carrierCallId === caller.identity.carrierCallId),
      {
        timeoutMs: 30_000,
      },
    );
    await waitFor(() => this.callControl.answers.get(start.callId), { timeoutMs: 30_000 });
    const leg: Leg = { caller, callId: start.callId, utteranceId: randomUUID(), agentSequence: 0 };
    holder.leg = leg;
    void caller.closed.then(() => {
      if (!this.stopping) this.failures++;
    });
    this.feed(leg, 15); // 300 ms ahead
    this.legs.push(leg);
  }

  private feed(leg: Leg, frames: number): void {
    for (let n = 0; n < frames; n++) {
      const sequence = leg.agentSequence++;
      publish(
        this.bus,
        subjects.mediaOut(leg.callId),
        frameCodec,
        AudioFrame.fromPartial({
          callId: leg.callId,
          sampleRate: 16000,
          sequence,
          timestampMs: sequence * 20,
          pcm: this.agentPcm,
          utteranceId: leg.utteranceId,
        }),
      );
    }
  }
}
