import { isVoiceEnergy } from '@warmline/audio';

/** Tuning of the {@link UtteranceDetector} (durations in ms of audio). */
export interface UtteranceDetectorOptions {
  /** Frame energy above which a 20 ms frame counts as speech; default -45 dBFS. */
  readonly thresholdDbfs: number;
  /** Silence after speech that ends an utterance; default 600. */
  readonly endSilenceMs: number;
  /** Speech shorter than this is a click, not an utterance; default 120. */
  readonly minSpeechMs: number;
  /** Audio kept before the first speech frame; default 200. */
  readonly preRollMs: number;
  /** An utterance is cut here even without silence; default 15 000. */
  readonly maxUtteranceMs: number;
}

/** Defaults of {@link UtteranceDetectorOptions}. */
export const DEFAULT_UTTERANCE_OPTIONS: UtteranceDetectorOptions = {
  thresholdDbfs: -45,
  endSilenceMs: 600,
  minSpeechMs: 120,
  preRollMs: 200,
  maxUtteranceMs: 15_000,
};

const FRAME_MS = 20;
const FRAME_SAMPLES = 320; // 20 ms at 16 kHz

/**
 * Energy-based end of utterance on 16 kHz PCM: speech starts at the first loud 20 ms frame and
 * ends after `endSilenceMs` of quiet frames. Pure; feed audio with {@link push}.
 */
export class UtteranceDetector {
  private readonly options: UtteranceDetectorOptions;
  private pending = new Int16Array(0);
  private frames: Int16Array[] = [];
  private speechFrames = 0;
  private silentFrames = 0;

  constructor(options: Partial<UtteranceDetectorOptions> = {}) {
    this.options = { ...DEFAULT_UTTERANCE_OPTIONS, ...options };
  }

  /** Adds audio; returns the utterances it completed (each PCM16 at 16 kHz), oldest first. */
  push(samples: Int16Array): Int16Array[] {
    const all = new Int16Array(this.pending.length + samples.length);
    all.set(this.pending);
    all.set(samples, this.pending.length);
    const done: Int16Array[] = [];
    let offset = 0;
    for (; offset + FRAME_SAMPLES <= all.length; offset += FRAME_SAMPLES) {
      const utterance = this.frame(all.slice(offset, offset + FRAME_SAMPLES));
      if (utterance) done.push(utterance);
    }
    this.pending = all.slice(offset);
    return done;
  }

  private frame(frame: Int16Array): Int16Array | undefined {
    const { thresholdDbfs, endSilenceMs, minSpeechMs, preRollMs, maxUtteranceMs } = this.options;
    const loud = isVoiceEnergy(frame, thresholdDbfs);
    this.frames.push(frame);
    if (this.speechFrames === 0) {
      if (loud) this.speechFrames = 1;
      else this.frames = this.frames.slice(-Math.ceil(preRollMs / FRAME_MS));
      return undefined;
    }
    if (loud) {
      this.speechFrames += 1;
      this.silentFrames = 0;
    } else this.silentFrames += 1;
    const ended = this.silentFrames * FRAME_MS >= endSilenceMs;
    if (!ended && this.frames.length * FRAME_MS < maxUtteranceMs) return undefined;
    const frames = this.frames;
    const speechMs = this.speechFrames * FRAME_MS;
    this.frames = [];
    this.speechFrames = 0;
    this.silentFrames = 0;
    return speechMs >= minSpeechMs ? concat(frames) : undefined;
  }
}

const concat = (frames: readonly Int16Array[]): Int16Array => {
  const out = new Int16Array(frames.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const frame of frames) {
    out.set(frame, at);
    at += frame.length;
  }
  return out;
};
