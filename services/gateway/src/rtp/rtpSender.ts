/** Per-stream RTP sender state (RFC 3550 §5.1): random SSRC, sequence and timestamp origins. */
import { randomBytes } from 'node:crypto';
import type { RtpPacket } from './rtpPacket';

/** A source of random bytes (inject a fixed one in tests). */
export type RtpRandom = (size: number) => Uint8Array;

/** Settings for an {@link RtpSender}. */
export interface RtpSenderOptions {
  readonly payloadType: number;
  /** Timestamp units per frame: 160 for 20 ms of G.711 or G.722 (whose RTP clock is 8000). */
  readonly samplesPerFrame: number;
  readonly random?: RtpRandom;
  /** Fixed SSRC instead of a random one (e.g. to keep the SSRC across a re-INVITE). */
  readonly ssrc?: number;
}

/**
 * Numbers outgoing packets of one stream. Audio frames advance the timestamp by
 * `samplesPerFrame`; the first packet and the first after {@link RtpSender.silence} carry the
 * marker bit (start of a talkspurt). Events (RFC 4733) share the sequence space.
 */
export class RtpSender {
  readonly ssrc: number;
  private seq: number;
  private ts: number;
  private talkspurt = true;
  private readonly payloadType: number;
  private readonly samplesPerFrame: number;

  constructor(options: RtpSenderOptions) {
    const r = Buffer.from((options.random ?? randomBytes)(10));
    this.ssrc = options.ssrc ?? r.readUInt32BE(0);
    this.seq = r.readUInt16BE(4);
    this.ts = r.readUInt32BE(6);
    this.payloadType = options.payloadType;
    this.samplesPerFrame = options.samplesPerFrame;
  }

  /** The timestamp the next audio frame will carry. */
  get nextTimestamp(): number {
    return this.ts;
  }

  /** The next audio packet for a frame. */
  audio(payload: Uint8Array): RtpPacket {
    const packet = this.packet(this.payloadType, this.ts, this.talkspurt, payload);
    this.talkspurt = false;
    this.ts = (this.ts + this.samplesPerFrame) >>> 0;
    return packet;
  }

  /**
   * Skips `frames` frames without sending (silence or a gap): the timestamp keeps counting,
   * and the next audio packet starts a talkspurt.
   */
  silence(frames = 1): void {
    this.ts = (this.ts + frames * this.samplesPerFrame) >>> 0;
    this.talkspurt = true;
  }

  /** A telephone-event packet (RFC 4733 §2.5.1): fixed event timestamp, marker on the first one. */
  event(
    payloadType: number,
    eventTimestamp: number,
    first: boolean,
    payload: Uint8Array,
  ): RtpPacket {
    return this.packet(payloadType, eventTimestamp, first, payload);
  }

  private packet(
    payloadType: number,
    timestamp: number,
    marker: boolean,
    payload: Uint8Array,
  ): RtpPacket {
    const packet: RtpPacket = {
      marker,
      payloadType,
      sequenceNumber: this.seq,
      timestamp,
      ssrc: this.ssrc,
      csrcs: [],
      payload,
      paddingLength: 0,
    };
    this.seq = (this.seq + 1) & 0xffff;
    return packet;
  }
}
