/** Per-stream RTP receiver state: source address check, SSRC changes, sequence and jitter. */
import type { RtpPacket } from './rtpPacket';
import { INITIAL_JITTER, type JitterState, updateJitter } from './jitter';
import {
  type SequenceState,
  type SequenceVerdict,
  initSequence,
  updateSequence,
} from './sequenceTracker';

/** A transport address. */
export interface RtpAddress {
  readonly address: string;
  readonly port: number;
}

/** What the receiver made of a packet. */
export type ReceiveResult =
  /** The packet came from an address other than the negotiated one: drop and log it. */
  | { readonly kind: 'unexpected-source'; readonly from: RtpAddress; readonly expected: RtpAddress }
  /** A sequence jump not yet confirmed: drop it. */
  | { readonly kind: 'dropped'; readonly reason: 'sequence-jump' }
  | {
      readonly kind: 'accepted';
      readonly verdict: SequenceVerdict | 'first';
      /** Extended (32-bit) sequence number of this packet. */
      readonly extendedSequence: number;
      /** True for the first packet of a new SSRC (the peer changed source, e.g. after a transfer). */
      readonly newSource: boolean;
      /** Interarrival jitter in timestamp units after this packet. */
      readonly jitter: number;
    };

interface SourceState {
  readonly ssrc: number;
  readonly seq: SequenceState;
  readonly jitter: JitterState;
}

/**
 * Tracks one incoming stream. Only packets from the negotiated remote address and port are
 * accepted (RTP has no authentication; anything else may be injected). A new SSRC resets
 * sequence and jitter state and is reported once.
 */
export class RtpReceiver {
  private expected: RtpAddress;
  private source: SourceState | undefined;
  private readonly clockRate: number;

  constructor(expected: RtpAddress, clockRate: number) {
    this.expected = expected;
    this.clockRate = clockRate;
  }

  /** Changes the accepted source, e.g. after a re-INVITE with a new c=/m= line. */
  setExpectedSource(expected: RtpAddress): void {
    this.expected = expected;
  }

  /** The SSRC currently tracked. */
  get ssrc(): number | undefined {
    return this.source?.ssrc;
  }

  /** Processes one packet received from `from` at `arrivalMs` (local clock, milliseconds). */
  receive(packet: RtpPacket, from: RtpAddress, arrivalMs: number): ReceiveResult {
    if (from.address !== this.expected.address || from.port !== this.expected.port) {
      return { kind: 'unexpected-source', from, expected: this.expected };
    }
    const current = this.source;
    if (!current || current.ssrc !== packet.ssrc) {
      const jitter = updateJitter(INITIAL_JITTER, packet.timestamp, arrivalMs, this.clockRate);
      this.source = { ssrc: packet.ssrc, seq: initSequence(packet.sequenceNumber), jitter };
      return {
        kind: 'accepted',
        verdict: 'first',
        extendedSequence: packet.sequenceNumber,
        newSource: current !== undefined,
        jitter: 0,
      };
    }
    const { state, verdict, extended } = updateSequence(current.seq, packet.sequenceNumber);
    if (verdict === 'jump') {
      this.source = { ...current, seq: state };
      return { kind: 'dropped', reason: 'sequence-jump' };
    }
    const jitter = updateJitter(current.jitter, packet.timestamp, arrivalMs, this.clockRate);
    this.source = { ssrc: current.ssrc, seq: state, jitter };
    return {
      kind: 'accepted',
      verdict,
      extendedSequence: extended,
      newSource: false,
      jitter: jitter.jitter,
    };
  }
}
