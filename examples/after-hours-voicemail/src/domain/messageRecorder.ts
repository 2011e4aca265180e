import { isVoiceEnergy } from '@warmline/audio';

/** Tuning of {@link MessageRecorder} (ms of audio). */
export interface MessageRecorderOptions {
  /** A 20 ms frame above this is speech; default -45 dBFS. */
  readonly thresholdDbfs: number;
  /** Quiet after speech that ends the message; default 3000. */
  readonly endSilenceMs: number;
  /** The longest message; default 120 000. */
  readonly maxMessageMs: number;
  /** Give up if the caller says nothing for this long; default 10 000. */
  readonly noSpeechMs: number;
}

export const DEFAULT_RECORDER_OPTIONS: MessageRecorderOptions = {
  thresholdDbfs: -45,
  endSilenceMs: 3_000,
  maxMessageMs: 120_000,
  noSpeechMs: 10_000,
};

const FRAME = 320; // 20 ms at 16 kHz

/**
 * Records a voicemail from 16 kHz PCM: from the first speech until `endSilenceMs` of quiet, the
 * maximum length, or `noSpeechMs` without any speech. Pure; feed it with {@link push}.
 */
export class MessageRecorder {
  private readonly options: MessageRecorderOptions;
  private readonly frames: Int16Array[] = [];
  private pending = new Int16Array(0);
  private heardSpeech = false;
  private quietMs = 0;
  private totalMs = 0;
  private finished = false;

  constructor(options: Partial<MessageRecorderOptions> = {}) {
    this.options = { ...DEFAULT_RECORDER_OPTIONS, ...options };
  }

  /** Whether the message is complete (push no more). */
  get done(): boolean {
    return this.finished;
  }

  /** Whether the caller said anything. */
  get hasSpeech(): boolean {
    return this.heardSpeech;
  }

  /** Adds audio; returns {@link done}. */
  push(samples: Int16Array): boolean {
    const all = new Int16Array(this.pending.length + samples.length);
    all.set(this.pending);
    all.set(samples, this.pending.length);
    let at = 0;
    for (; at + FRAME <= all.length && !this.finished; at += FRAME)
      this.frame(all.slice(at, at + FRAME));
    this.pending = this.finished ? new Int16Array(0) : all.slice(at);
    return this.finished;
  }

  /** The message: PCM16 at 16 kHz from the first speech on, trailing quiet trimmed to 0.5 s. */
  message(): Int16Array {
    const keep = Math.max(0, this.frames.length - Math.max(0, this.quietMs / 20 - 25));
    const frames = this.frames.slice(0, keep);
    const out = new Int16Array(frames.length * FRAME);
    frames.forEach((f, i) => out.set(f, i * FRAME));
    return out;
  }

  /** The message length in ms. */
  get durationMs(): number {
    return this.message().length / 16;
  }

  private frame(frame: Int16Array): void {
    const { thresholdDbfs, endSilenceMs, maxMessageMs, noSpeechMs } = this.options;
    const loud = isVoiceEnergy(frame, thresholdDbfs);
    this.totalMs += 20;
    if (!this.heardSpeech) {
      if (!loud) {
        if (this.totalMs >= noSpeechMs) this.finished = true;
        return;
      }
      this.heardSpeech = true;
    }
    this.frames.push(frame);
    this.quietMs = loud ? 0 : this.quietMs + 20;
    if (this.quietMs >= endSilenceMs || this.frames.length * 20 >= maxMessageMs)
      this.finished = true;
  }
}
