/** Pause lengths a {@link SilenceTrimmer} keeps, in samples. */
export interface TrimSettings {
  /** Silence kept before the first sound of the segment. */
  readonly keepLeading: number;
  /** Silence kept after the last sound of the segment. */
  readonly keepTrailing: number;
  /** Samples whose magnitude is at most this count as silence (200 ≈ -44 dBFS). */
  readonly threshold: number;
}

/**
 * Trims the silence a TTS program pads every run with (flite adds about 0.2 s
 * at each end), streaming: leading silence is dropped as it arrives; the tail
 * of what has arrived is held back while it is silent, and at the end only
 * `keepTrailing` of it is kept. Speech passes through at once, so the trimmer
 * adds no latency to sound, only to silence. One trimmer per segment.
 */
export class SilenceTrimmer {
  private started = false;
  /** Silent samples held back (they may be the segment's tail). */
  private held: Int16Array[] = [];

  constructor(private readonly settings: TrimSettings) {}

  /** Adds samples; returns those that can go out now. */
  push(samples: Int16Array): Int16Array {
    let input = samples;
    if (!this.started) {
      input = this.concat([...this.held, samples]); // the leading silence so far, then the new samples
      this.held = [];
      const first = this.firstSound(input);
      if (first < 0) {
        this.hold(input.subarray(Math.max(0, input.length - this.settings.keepLeading)));
        return new Int16Array(0);
      }
      this.started = true;
      input = input.subarray(Math.max(0, first - this.settings.keepLeading));
    }
    const last = this.lastSound(input);
    if (last < 0) {
      this.hold(input);
      return new Int16Array(0);
    }
    const out = this.concat([...this.held, input.subarray(0, last + 1)]);
    this.held = [];
    this.hold(input.subarray(last + 1));
    return out;
  }

  /** Ends the segment: the kept part of its trailing silence (nothing if it had no sound). */
  end(): Int16Array {
    if (!this.started) return new Int16Array(0);
    const tail = this.concat(this.held);
    this.held = [];
    return tail.subarray(0, this.settings.keepTrailing);
  }

  private hold(samples: Int16Array): void {
    if (samples.length === 0) return;
    this.held.push(samples);
  }

  private firstSound(samples: Int16Array): number {
    const t = this.settings.threshold;
    for (let i = 0; i < samples.length; i++) if (samples[i]! > t || samples[i]! < -t) return i;
    return -1;
  }

  private lastSound(samples: Int16Array): number {
    const t = this.settings.threshold;
    for (let i = samples.length - 1; i >= 0; i--) if (samples[i]! > t || samples[i]! < -t) return i;
    return -1;
  }

  private concat(parts: Int16Array[]): Int16Array {
    if (parts.length === 1) return parts[0]!;
    const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
