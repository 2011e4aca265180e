import { randomUUID } from 'node:crypto';
import { encodeMulaw, sine } from '@warmline/audio';
import type { Bus } from '@warmline/bus';
import { CarrierCaller, Reservoir, waitFor } from '@warmline/testing';
import { TEST_PUBLIC_BASE_URL } from '../testSupport/testGatewayConfig';
import type { FakeCallControl } from '../testSupport/fakeCallControl';
import { testAccounts, testParties } from '../testSupport/testCarrierSettings';
import { AGENT_FRAMES_AHEAD, AgentAudio, type AgentLeg, startPhasedLoad } from './phasedLoad';

interface Leg extends AgentLeg {
  readonly caller: CarrierCaller;
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
  private readonly agent: AgentAudio;
  private stopLoad = (): void => undefined;

  constructor(
    private readonly port: number,
    bus: Bus,
    private readonly callControl: FakeCallControl,
  ) {
    this.agent = new AgentAudio(bus);
  }

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

  /** Starts the shared timer (see `startPhasedLoad`): one inbound frame per caller per 20 ms, agent audio kept ahead. */
  start(): void {
    this.stopLoad = startPhasedLoad(
      this.legs,
      (leg) => leg.caller.sendMediaPayload(this.inboundPayload),
      this.agent,
    );
  }

  /** Calls that ended before the benchmark hung them up. */
  failures = 0;

  /** Hangs every caller up and stops the timers. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopLoad();
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
    this.agent.feed(leg, AGENT_FRAMES_AHEAD);
    this.legs.push(leg);
  }
}
