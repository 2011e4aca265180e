/**
 * A noise-floor estimate by minimum statistics: the quietest frame of the last
 * `windowFrames` frames, smoothed. Speech has gaps between syllables and words
 * where the level drops to the line noise, so the minimum over a couple of
 * seconds tracks the noise even while someone talks; steady noise that
 * appears suddenly becomes the floor within one window. Memory is the window.
 */
export class NoiseFloor {
  private readonly window: Float64Array;
  private next = 0;
  private filled = 0;
  private estimate: number;

  constructor(
    initialDbfs: number,
    private readonly windowFrames: number,
    /** Per-frame smoothing towards the window minimum when it is above the estimate. */
    private readonly riseRate: number,
  ) {
    this.window = new Float64Array(windowFrames);
    this.estimate = initialDbfs;
  }

  /** The current estimate in dBFS. */
  get dbfs(): number {
    return this.estimate;
  }

  /** Takes one frame's energy and returns the updated estimate. */
  push(energyDbfs: number): number {
    this.window[this.next] = energyDbfs;
    this.next = (this.next + 1) % this.windowFrames;
    this.filled = Math.min(this.filled + 1, this.windowFrames);
    let minimum = Infinity;
    for (let i = 0; i < this.filled; i++) minimum = Math.min(minimum, this.window[i]!);
    this.estimate =
      minimum < this.estimate ? minimum : this.estimate + this.riseRate * (minimum - this.estimate);
    return this.estimate;
  }
}
