import { pcmToBytes, sine } from '@warmline/audio';
import { type Bus, protoCodec, publish } from '@warmline/bus';
import { AudioFrame, subjects } from '@warmline/contracts';

const frameCodec = protoCodec(AudioFrame);
const PHASES = 10;
const TICK_MS = 2;
const AGENT_FRAMES_PER_TICK = 5; // 100 ms of agent audio per call every 100 ms, as tts sends ahead of real time

/** 300 ms of agent audio, sent when a call comes up so its pacer always has work. */
export const AGENT_FRAMES_AHEAD = 15;

/** One call of a load generator, as the agent side sees it. */
export interface AgentLeg {
  readonly callId: string;
  readonly utteranceId: string;
  agentSequence: number;
}

/** The agent side of the load: 16 kHz 600 Hz frames on `media.<id>.out`, as tts sends them. */
export class AgentAudio {
  private readonly pcm = Buffer.from(
    pcmToBytes(sine({ rate: 16000, hz: 600, samples: 320, amplitude: 0.3 })).buffer,
  );

  constructor(private readonly bus: Bus) {}

  /** Publishes the leg's next `frames` frames of 20 ms. */
  feed(leg: AgentLeg, frames: number): void {
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
          pcm: this.pcm,
          utteranceId: leg.utteranceId,
        }),
      );
    }
  }
}

/**
 * Drives every leg from one timer. Legs are spread over ten 2 ms phases (as real calls
 * arrive at any phase): every 2 ms one tenth of them sends its inbound frame, and every
 * 10 ms one tenth of them gets 100 ms of agent audio. `legs` may grow while it runs.
 * Returns the function that stops it.
 */
export const startPhasedLoad = <L extends AgentLeg>(
  legs: readonly L[],
  sendInbound: (leg: L) => void,
  agent: AgentAudio,
): (() => void) => {
  let tick = 0;
  let timer: NodeJS.Timeout | undefined;
  const anchor = performance.now();
  const loop = (): void => {
    const phase = tick % PHASES;
    for (let i = phase; i < legs.length; i += PHASES) sendInbound(legs[i]!);
    if (tick % 5 === 0) {
      const agentPhase = (tick / 5) % PHASES;
      for (let i = agentPhase; i < legs.length; i += PHASES)
        agent.feed(legs[i]!, AGENT_FRAMES_PER_TICK);
    }
    tick++;
    timer = setTimeout(loop, Math.max(0, anchor + tick * TICK_MS - performance.now()));
  };
  loop();
  return () => clearTimeout(timer);
};
