/** Turns RFC 4733 event packets (repeats, end bit, repeated end packets) into one event per key press. */
import type { RtpPacket } from './rtpPacket';
import { eventToDigit, parseTelephoneEvent } from './telephoneEvent';

/** A DTMF event for the application. */
export type DtmfEvent =
  | { readonly type: 'dtmf-start'; readonly digit: string; readonly timestamp: number }
  | {
      readonly type: 'dtmf-end';
      readonly digit: string;
      readonly timestamp: number;
      /** Duration in timestamp units and in milliseconds. */
      readonly duration: number;
      readonly durationMs: number;
      /** False when no end packet arrived (a new event or {@link DtmfDetector.flush} closed it). */
      readonly endSeen: boolean;
    };

interface Active {
  readonly timestamp: number;
  readonly event: number;
  readonly duration: number;
}

/**
 * State machine over telephone-event packets of one stream. All packets of one event share
 * the RTP timestamp (RFC 4733 §2.5.1.2); the end is sent three times. Each key press yields
 * one `dtmf-start` and one `dtmf-end`. Feed only packets with the negotiated event payload type.
 */
export class DtmfDetector {
  private active: Active | undefined;
  private lastEnded: number | undefined;
  private readonly clockRate: number;

  constructor(clockRate = 8000) {
    this.clockRate = clockRate;
  }

  /** Processes one packet (its payload must be a telephone-event). Throws RtpParseError on a bad payload. */
  push(packet: RtpPacket): DtmfEvent[] {
    const e = parseTelephoneEvent(packet.payload);
    const digit = eventToDigit(e.event);
    if (digit === undefined || packet.timestamp === this.lastEnded) return [];
    const out: DtmfEvent[] = [];
    if (this.active && this.active.timestamp !== packet.timestamp) out.push(...this.flush());
    if (!this.active) {
      this.active = { timestamp: packet.timestamp, event: e.event, duration: e.duration };
      out.push({ type: 'dtmf-start', digit, timestamp: packet.timestamp });
    }
    this.active = { ...this.active, duration: Math.max(this.active.duration, e.duration) };
    if (e.end) out.push(this.finish(true));
    return out;
  }

  /** Ends an event whose end packets were lost (call when no event packet came for a while). */
  flush(): DtmfEvent[] {
    return this.active ? [this.finish(false)] : [];
  }

  private finish(endSeen: boolean): DtmfEvent {
    const a = this.active ?? { timestamp: 0, event: 0, duration: 0 };
    this.active = undefined;
    this.lastEnded = a.timestamp;
    return {
      type: 'dtmf-end',
      digit: eventToDigit(a.event) ?? '',
      timestamp: a.timestamp,
      duration: a.duration,
      durationMs: Math.round((a.duration * 1000) / this.clockRate),
      endSeen,
    };
  }
}
