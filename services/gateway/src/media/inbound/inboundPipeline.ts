import { FrameChunker, JitterBuffer, Resampler, type SampleRate } from '@warmline/audio';

/** Options of an {@link InboundPipeline}. */
export interface InboundPipelineOptions {
  /** Rate of the decoded transport audio. */
  fromRate: SampleRate;
  /** Rate of the frames put on the bus (16000 for `media.<callId>.in`). */
  toRate: SampleRate;
  /** How long a missing frame is waited for before it is concealed (default 60 ms). */
  jitterDepthMs?: number;
  /** Where the transport's sequence numbers wrap: `Infinity` for carrier chunk counters, 65536 for RTP. */
  sequenceModulus?: number;
  /**
   * The sequence number the transport starts at, if its protocol says (carrier chunks: 1).
   * Until the first frame is released, frames are held up to the jitter depth for an earlier
   * one that may arrive after them (Telnyx frames may come out of order from the very start);
   * a first arrival with this number is released at once. Default: 1 for counters that never
   * wrap (carrier chunks), none for RTP (random initial sequence).
   */
  firstSequence?: number;
}

/**
 * Caller audio from a transport to bus frames: reorder and conceal (jitter
 * buffer keyed by the transport's sequence), resample to the bus rate, cut
 * into exact 20 ms frames. Pure: time is an input.
 */
export class InboundPipeline {
  private readonly jitter: JitterBuffer;
  private readonly resampler: Resampler;
  private readonly chunker: FrameChunker;

  constructor(options: InboundPipelineOptions) {
    const depthMs = options.jitterDepthMs ?? 60;
    const modulus = options.sequenceModulus ?? Infinity;
    this.jitter = new JitterBuffer({
      rate: options.fromRate,
      depthMs,
      sequenceModulus: modulus,
      initialHoldMs: depthMs,
      firstSequence: options.firstSequence ?? (Number.isFinite(modulus) ? undefined : 1),
    });
    this.resampler = new Resampler(options.fromRate, options.toRate);
    this.chunker = new FrameChunker(options.toRate);
  }

  /** Frames held while waiting for a missing one. */
  get waiting(): boolean {
    return this.jitter.buffered > 0;
  }

  /** The jitter buffer's counters. */
  get stats(): JitterBuffer['stats'] {
    return this.jitter.stats;
  }

  /**
   * Takes one decoded chunk and returns the bus frames it completes.
   *
   * @throws {@link AudioFormatError} for an empty chunk.
   */
  push(seq: number, samples: Int16Array, nowMs: number): Int16Array[] {
    this.jitter.push({ seq, samples });
    return this.poll(nowMs);
  }

  /** Releases whatever is due at `nowMs` (a gap waited for long enough is concealed). */
  poll(nowMs: number): Int16Array[] {
    const out: Int16Array[] = [];
    for (const frame of this.jitter.drain(nowMs)) {
      out.push(...this.chunker.push(this.resampler.process(frame.samples)));
    }
    return out;
  }
}
