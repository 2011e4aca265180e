import type { Socket } from 'node:dgram';
import { decodeAlaw, decodeMulaw, encodeAlaw, encodeMulaw } from '@warmline/audio';
import type { MediaTransport } from '../media/mediaTransport';
import { DtmfDetector } from '../rtp/dtmfDetector';
import { isRtcp, parseRtpPacket, serializeRtpPacket } from '../rtp/rtpPacket';
import { RtpReceiver } from '../rtp/rtpReceiver';
import { RtpSender } from '../rtp/rtpSender';
import type { NegotiatedAudio } from '../sip/sdp/negotiatedAudio';

/** What an RTP leg reports. */
export interface RtpLegListener {
  /** Decoded audio (8 kHz) with the packet's extended sequence number. */
  audio(sequence: number, samples: Int16Array): void;
  /** An RFC 4733 key press ended. */
  dtmf(digit: string, durationMs: number): void;
  /** A packet from an address other than the negotiated one was dropped. */
  unexpectedSource?(from: { address: string; port: number }): void;
}

/** Counters for logs and tests. */
export interface RtpLegStats {
  received: number;
  sent: number;
  unexpectedSource: number;
  malformed: number;
}

/** The codecs a SIP leg can carry (G.711 at 8 kHz). */
export const SUPPORTED_ENCODINGS = ['PCMU', 'PCMA'] as const;

/**
 * One leg's RTP: a UDP socket on an even port, the negotiated codec, RFC 3550 numbering out,
 * source checks, sequence tracking and RFC 4733 events in. As a {@link MediaTransport} it
 * takes paced 20 ms frames (8 kHz PCM) and sends one packet each; audio sent counts as heard.
 */
export class RtpLeg implements MediaTransport {
  readonly rate = 8000;
  readonly confirmsPlayback = false;
  readonly stats: RtpLegStats = { received: 0, sent: 0, unexpectedSource: 0, malformed: 0 };
  private negotiated: NegotiatedAudio | undefined;
  private receiver: RtpReceiver | undefined;
  private sender: RtpSender | undefined;
  private dtmf = new DtmfDetector();
  private latched = false;
  private closed = false;
  /** When false, nothing is sent (the peer put us on hold, or the leg is muted). */
  sending = true;

  constructor(
    private readonly socket: Socket,
    private readonly listener: RtpLegListener,
    private readonly latching: boolean,
    private readonly onClose: () => void = () => undefined,
  ) {
    socket.on('message', (data, rinfo) => this.packet(data, rinfo.address, rinfo.port));
    socket.on('error', () => undefined);
  }

  /** The local port (for SDP). */
  get port(): number {
    return this.socket.address().port;
  }

  get remote(): { address: string; port: number } | undefined {
    return this.negotiated
      ? { address: this.negotiated.remoteAddress, port: this.negotiated.remotePort }
      : undefined;
  }

  /** Applies an offer/answer result (again after a re-INVITE: the SSRC stays). */
  configure(audio: NegotiatedAudio): void {
    const first = this.negotiated === undefined;
    this.negotiated = audio;
    const expected = { address: audio.remoteAddress, port: audio.remotePort };
    if (this.receiver) this.receiver.setExpectedSource(expected);
    else this.receiver = new RtpReceiver(expected, 8000);
    if (first || this.sender === undefined)
      this.sender = new RtpSender({ payloadType: audio.codec.payloadType, samplesPerFrame: 160 });
    else
      this.sender = new RtpSender({
        payloadType: audio.codec.payloadType,
        samplesPerFrame: 160,
        ssrc: this.sender.ssrc,
      });
    this.sending = !audio.hold && audio.localDirection !== 'recvonly';
  }

  sendAudio(samples: Int16Array): void {
    const audio = this.negotiated;
    const sender = this.sender;
    if (this.closed || !audio || !sender) return;
    if (!this.sending || audio.remotePort === 0) {
      sender.silence();
      return;
    }
    const payload =
      audio.codec.encoding.toUpperCase() === 'PCMA' ? encodeAlaw(samples) : encodeMulaw(samples);
    const bytes = serializeRtpPacket(sender.audio(payload));
    this.socket.send(bytes, audio.remotePort, audio.remoteAddress);
    this.stats.sent++;
  }

  sendMark(): void {
    // RTP has no playback confirmation: audio sent counts as heard.
  }

  sendClear(): void {
    // Nothing is buffered at the far end beyond its jitter buffer.
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close();
    this.onClose();
  }

  private packet(data: Buffer, address: string, port: number): void {
    const audio = this.negotiated;
    const receiver = this.receiver;
    if (this.closed || !audio || !receiver || isRtcp(data)) return;
    let packet;
    try {
      packet = parseRtpPacket(data);
    } catch {
      this.stats.malformed++;
      return;
    }
    if (this.latching && !this.latched && this.stats.received === 0) {
      // Symmetric RTP (RFC 4961): before the first packet, the source becomes the remote.
      this.latched = true;
      this.negotiated = { ...audio, remoteAddress: address, remotePort: port };
      receiver.setExpectedSource({ address, port });
    }
    const result = receiver.receive(packet, { address, port }, performance.now());
    if (result.kind === 'unexpected-source') {
      this.stats.unexpectedSource++;
      this.listener.unexpectedSource?.({ address, port });
      return;
    }
    if (result.kind !== 'accepted') return;
    this.stats.received++;
    const te = audio.telephoneEvent;
    if (te && packet.payloadType === te.payloadType) {
      try {
        for (const event of this.dtmf.push(packet))
          if (event.type === 'dtmf-end') this.listener.dtmf(event.digit, event.durationMs);
      } catch {
        this.stats.malformed++;
      }
      return;
    }
    if (packet.payloadType !== audio.codec.payloadType || packet.payload.length === 0) return;
    const samples =
      audio.codec.encoding.toUpperCase() === 'PCMA'
        ? decodeAlaw(packet.payload)
        : decodeMulaw(packet.payload);
    this.listener.audio(result.extendedSequence, samples);
  }
}
