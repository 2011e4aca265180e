import { frameEnergyDbfs } from '@warmline/audio';
import { NoiseFloor } from './noiseFloor';
import { DEFAULT_VAD_CONFIG, type VadConfig } from './vadConfig';

/** A change of state the VAD reports on the frame that decides it. */
export type VadTransition =
  | {
      readonly type: 'speech-start';
      /** Media time of the first voiced frame. */ readonly atMs: number;
    }
  | {
      readonly type: 'speech-end';
      /** Media time just after the last voiced frame. */ readonly atMs: number;
    };

/** What {@link EnergyVad.push} says about one frame. */
export interface VadDecision {
  /** This frame alone is above the threshold. */
  readonly voiced: boolean;
  /** The debounced state, hangover included. */
  readonly speech: boolean;
  readonly energyDbfs: number;
  readonly noiseFloorDbfs: number;
  readonly transition?: VadTransition;
}

/**
 * An energy voice-activity detector with an adaptive noise floor and a
 * hangover. The floor is the quietest recent frame ({@link NoiseFloor}), so
 * steady line noise is learned and ignored even if it starts mid-call; speech needs
 * {@link VadConfig.startFrames} voiced frames to start and
 * {@link VadConfig.hangoverFrames} quiet ones to end. Pure: time comes in
 * with each frame.
 */
export class EnergyVad {
  private readonly config: VadConfig;
  private readonly floor: NoiseFloor;
  private speech = false;
  private run = 0;
  private runStartMs = 0;
  private lastVoicedEndMs = 0;

  constructor(config: Partial<VadConfig> = {}) {
    this.config = { ...DEFAULT_VAD_CONFIG, ...config };
    this.floor = new NoiseFloor(
      this.config.initialFloorDbfs,
      this.config.floorWindowFrames,
      this.config.floorRiseRate,
    );
  }

  /** True while the debounced state is speech. */
  get inSpeech(): boolean {
    return this.speech;
  }

  /** The current noise floor estimate in dBFS. */
  get noiseFloorDbfs(): number {
    return this.floor.dbfs;
  }

  /** Classifies one frame whose first sample is at media time `atMs`. */
  push(frame: Int16Array, atMs: number): VadDecision {
    return this.pushEnergy(frameEnergyDbfs(frame), atMs);
  }

  /** As {@link push}, from a frame energy already measured. */
  pushEnergy(energyDbfs: number, atMs: number): VadDecision {
    const { marginDb, minSpeechDbfs, frameMs } = this.config;
    const threshold = Math.max(this.floor.dbfs + marginDb, minSpeechDbfs);
    const voiced = energyDbfs >= threshold;
    if (voiced) this.lastVoicedEndMs = atMs + frameMs;
    const transition = this.speech ? this.whileSpeech(voiced) : this.whileQuiet(voiced, atMs);
    const noiseFloorDbfs = this.floor.push(energyDbfs);
    const decision = { voiced, speech: this.speech, energyDbfs, noiseFloorDbfs };
    return transition ? { ...decision, transition } : decision;
  }

  private whileQuiet(voiced: boolean, atMs: number): VadTransition | undefined {
    if (!voiced) {
      this.run = 0;
      return undefined;
    }
    if (this.run === 0) this.runStartMs = atMs;
    this.run += 1;
    if (this.run < this.config.startFrames) return undefined;
    this.speech = true;
    this.run = 0;
    return { type: 'speech-start', atMs: this.runStartMs };
  }

  private whileSpeech(voiced: boolean): VadTransition | undefined {
    this.run = voiced ? 0 : this.run + 1;
    if (this.run < this.config.hangoverFrames) return undefined;
    this.speech = false;
    this.run = 0;
    return { type: 'speech-end', atMs: this.lastVoicedEndMs };
  }
}
