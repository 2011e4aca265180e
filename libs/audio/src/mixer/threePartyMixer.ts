import { AudioFormatError } from '../errors';
import { assertSampleRate, FRAME_MS, samplesPerFrame } from '../format/sampleRate';
import { saturatingMix } from './saturatingMix';

/**
 * Who hears the agent once the callee has joined (connect()):
 * - `barge`: caller and callee both hear the agent (the default);
 * - `whisper`: only the callee hears the agent;
 * - `spy`: nobody hears the agent, which still hears both;
 * - `bridge`: the agent has left; caller and callee stay connected.
 */
export type MixMode = 'barge' | 'whisper' | 'spy' | 'bridge';

/** Every mix mode. */
export const MIX_MODES: readonly MixMode[] = ['barge', 'whisper', 'spy', 'bridge'];

/** The three parties' current frames; a missing party is silence. */
export interface MixInputs {
  caller?: Int16Array;
  callee?: Int16Array;
  agent?: Int16Array;
}

/** What each party hears in this tick. `agent` is undefined once the agent has left. */
export interface MixOutputs {
  caller: Int16Array;
  callee: Int16Array;
  agent: Int16Array | undefined;
}

interface Routing {
  callerHearsAgent: boolean;
  calleeHearsAgent: boolean;
  agentPresent: boolean;
}

const routing = (mode: MixMode): Routing => {
  switch (mode) {
    case 'barge':
      return { callerHearsAgent: true, calleeHearsAgent: true, agentPresent: true };
    case 'whisper':
      return { callerHearsAgent: false, calleeHearsAgent: true, agentPresent: true };
    case 'spy':
      return { callerHearsAgent: false, calleeHearsAgent: false, agentPresent: true };
    case 'bridge':
      return { callerHearsAgent: false, calleeHearsAgent: false, agentPresent: false };
  }
};

const present = (...frames: (Int16Array | undefined | false)[]): Int16Array[] =>
  frames.filter((f): f is Int16Array => f instanceof Int16Array);

/**
 * One 20 ms tick of the 3-party conference: nobody hears themselves, caller
 * and callee always hear each other, the agent (while present) hears both, and
 * `mode` decides who hears the agent. Sums saturate.
 *
 * @throws {@link AudioFormatError} for an unsupported rate or a frame of the wrong length.
 */
export const mixThreeParty = (
  inputs: MixInputs,
  mode: MixMode,
  rate: number,
  frameMs: number = FRAME_MS,
): MixOutputs => {
  const length = samplesPerFrame(assertSampleRate(rate), frameMs);
  const parties: [string, Int16Array | undefined][] = [
    ['caller', inputs.caller],
    ['callee', inputs.callee],
    ['agent', inputs.agent],
  ];
  for (const [party, frame] of parties) {
    if (frame && frame.length !== length) {
      throw new AudioFormatError(`${party} frame has ${frame.length} samples, expected ${length}`, {
        party,
        samples: frame.length,
        expected: length,
      });
    }
  }
  const { caller, callee } = inputs;
  const route = routing(mode);
  const agent = route.agentPresent ? inputs.agent : undefined;
  return {
    caller: saturatingMix(length, present(callee, route.callerHearsAgent && agent)),
    callee: saturatingMix(length, present(caller, route.calleeHearsAgent && agent)),
    agent: route.agentPresent ? saturatingMix(length, present(caller, callee)) : undefined,
  };
};
