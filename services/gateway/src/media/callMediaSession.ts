import { FRAME_MS, monotonicNowMs, type SampleRate, type UtteranceProgress } from '@warmline/audio';
import type { ClockMember, MediaClock } from './clock/mediaClock';
import { InboundPipeline } from './inbound/inboundPipeline';
import type { MediaTransport } from './mediaTransport';
import { AgentAudioConverter } from './outbound/agentAudioConverter';
import type { OutboundPacing, PacerFactory } from './pacing/outboundPacing';
import { PlaybackLedger, type PlaybackReport } from './playback/playbackLedger';

/** What a session reports to the call that owns it. */
export interface MediaSessionListener {
  /** One 20 ms frame of caller audio at the bus rate, numbered from 0. */
  callerFrame(pcm: Int16Array, sequence: number, timestampMs: number): void;
  /** What the caller heard of an utterance (once per utterance). */
  playback(report: PlaybackReport): void;
  /** A frame of agent audio left; for jitter metrics. */
  outboundFrame?(latenessMs: number): void;
}

/** Settings of a {@link CallMediaSession}. */
export interface MediaSessionOptions {
  /** Rate of caller frames on the bus (16000). */
  busRate: SampleRate;
  /** How long a missing inbound frame is waited for (default 60 ms). */
  jitterDepthMs?: number;
  /** Where transport sequence numbers wrap (carrier chunk counters: `Infinity`). */
  sequenceModulus?: number;
  /** The transport's first sequence number, if its protocol fixes it (carrier chunks: 1). */
  firstSequence?: number;
  /** A playback checkpoint mark every this many frames (default 5). */
  markEveryFrames?: number;
  pacers: PacerFactory;
  /** The process's shared clock (wakes the inbound jitter buffer while it waits for a gap). */
  clock: MediaClock;
  now?: () => number;
}

interface Leg {
  readonly transport: MediaTransport;
  readonly inbound: InboundPipeline;
  readonly pacer: OutboundPacing;
  readonly converter: AgentAudioConverter;
  readonly ledger: PlaybackLedger;
}

/**
 * The media of one call, shared by every transport: caller audio in (decoded
 * PCM with the transport's sequence numbers) → jitter/reorder buffer →
 * resample → 20 ms bus frames; agent audio (any rate) → resample → real-time
 * pacer → the transport, with marks to learn what the caller actually heard;
 * barge-in clears both our queue and the far end's. A transport can be
 * detached and another attached (a carrier stream that ends for a transfer
 * and comes back).
 */
export class CallMediaSession implements ClockMember {
  private leg: Leg | undefined;
  private busSequence = 0;
  private closed = false;
  private readonly now: () => number;

  constructor(
    private readonly options: MediaSessionOptions,
    private readonly listener: MediaSessionListener,
  ) {
    this.now = options.now ?? monotonicNowMs;
  }

  /** The attached transport, if any. */
  get transport(): MediaTransport | undefined {
    return this.leg?.transport;
  }

  /** Agent audio waiting to be sent, in ms. */
  get queuedMs(): number {
    return this.leg?.pacer.queuedMs ?? 0;
  }

  /** Attaches a transport leg (detaching the previous one first). */
  attach(transport: MediaTransport): void {
    if (this.closed) return;
    this.detach();
    const ledger = new PlaybackLedger({ markEveryFrames: this.options.markEveryFrames });
    const pacer = this.options.pacers(transport.rate, {
      onFrame: (frame, latenessMs) => {
        transport.sendAudio(frame.samples);
        this.listener.outboundFrame?.(latenessMs);
        if (!transport.confirmsPlayback) return;
        const mark = ledger.frameSent(frame.utteranceId, frame.endOfUtterance);
        if (mark !== undefined) transport.sendMark(mark);
      },
      onProgress: (progress) => this.pacerProgress(transport, ledger, progress),
    });
    this.leg = {
      transport,
      pacer,
      ledger,
      converter: new AgentAudioConverter(transport.rate),
      inbound: new InboundPipeline({
        fromRate: transport.rate,
        toRate: this.options.busRate,
        jitterDepthMs: this.options.jitterDepthMs,
        sequenceModulus: this.options.sequenceModulus,
        firstSequence: this.options.firstSequence,
      }),
    };
  }

  /**
   * Detaches the transport: its queued agent audio is dropped and every
   * utterance not confirmed played is reported interrupted.
   */
  detach(): void {
    const leg = this.leg;
    if (!leg) return;
    this.leg = undefined;
    this.options.clock.cancel(this);
    leg.pacer.clear();
    leg.pacer.stop();
    if (leg.transport.confirmsPlayback)
      for (const report of leg.ledger.cleared()) this.listener.playback(report);
  }

  /**
   * Caller audio from the transport, decoded to PCM at its rate.
   *
   * @throws {@link AudioFormatError} for an empty chunk.
   */
  callerAudio(sequence: number, samples: Int16Array): void {
    const leg = this.leg;
    if (!leg) return;
    this.emitCallerFrames(leg.inbound.push(sequence, samples, this.now()));
    if (leg.inbound.waiting) this.options.clock.schedule(this, this.now() + FRAME_MS);
    else this.options.clock.cancel(this);
  }

  /**
   * Agent audio from the bus (any supported rate), queued for real-time playback.
   *
   * @throws {@link AudioFormatError} for an unsupported rate.
   */
  agentAudio(samples: Int16Array, rate: number, utteranceId: string, end: boolean): void {
    const leg = this.leg;
    if (!leg) return;
    const converted = leg.converter.convert(samples, rate, utteranceId, end);
    if (leg.pacer.enqueue(converted, { utteranceId, final: end })) leg.ledger.queued(utteranceId);
  }

  /** The transport played everything sent before mark `name`. */
  markPlayed(name: string): void {
    const report = this.leg?.ledger.markPlayed(name);
    if (report) this.listener.playback(report);
  }

  /** Barge-in: drop our queue, tell the far end to drop its own, report what was heard. */
  clear(): void {
    const leg = this.leg;
    if (!leg) return;
    leg.pacer.clear();
    leg.converter.reset();
    leg.transport.sendClear();
    if (leg.transport.confirmsPlayback)
      for (const report of leg.ledger.cleared()) this.listener.playback(report);
  }

  /** Ends the session: detaches the transport and stops every timer. */
  close(): void {
    if (this.closed) return;
    this.detach();
    this.closed = true;
  }

  /** Clock wake-up while the jitter buffer waits for a missing frame. */
  tick(nowMs: number): number | undefined {
    const leg = this.leg;
    if (!leg) return undefined;
    this.emitCallerFrames(leg.inbound.poll(nowMs));
    return leg.inbound.waiting ? nowMs + FRAME_MS : undefined;
  }

  private emitCallerFrames(frames: Int16Array[]): void {
    for (const pcm of frames) {
      const sequence = this.busSequence++;
      this.listener.callerFrame(pcm, sequence, sequence * FRAME_MS);
    }
  }

  private pacerProgress(
    transport: MediaTransport,
    ledger: PlaybackLedger,
    progress: UtteranceProgress,
  ): void {
    if (!transport.confirmsPlayback) {
      const { utteranceId, playedMs, completed, interrupted } = progress;
      this.listener.playback({ utteranceId, playedMs, completed, interrupted });
      return;
    }
    if (progress.completed) ledger.exactLength(progress.utteranceId, progress.playedMs);
  }
}
