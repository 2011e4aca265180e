/** Tuning of {@link EnergyVad}; every field has a default in {@link DEFAULT_VAD_CONFIG}. */
export interface VadConfig {
  /** A frame is voiced when it is this many dB above the noise floor... */
  readonly marginDb: number;
  /** ...and at least this loud in absolute terms (dBFS). */
  readonly minSpeechDbfs: number;
  /** Consecutive voiced frames needed to start speech (debounces clicks). */
  readonly startFrames: number;
  /** Consecutive unvoiced frames needed to end speech (the hangover). */
  readonly hangoverFrames: number;
  /** Noise floor assumed before anything was heard (dBFS). */
  readonly initialFloorDbfs: number;
  /** Frames over which the floor is the minimum (minimum statistics). */
  readonly floorWindowFrames: number;
  /** Per-frame smoothing of the floor when it rises. */
  readonly floorRiseRate: number;
  /** Duration of one frame in ms (20 on the media plane). */
  readonly frameMs: number;
}

/**
 * Defaults for 20 ms telephone frames: voiced at 10 dB over the floor and
 * -50 dBFS at least, 60 ms to start, 200 ms hangover, floor = quietest frame
 * of the last 2 s.
 */
export const DEFAULT_VAD_CONFIG: VadConfig = {
  marginDb: 10,
  minSpeechDbfs: -50,
  startFrames: 3,
  hangoverFrames: 10,
  initialFloorDbfs: -65,
  floorWindowFrames: 100,
  floorRiseRate: 0.1,
  frameMs: 20,
};
