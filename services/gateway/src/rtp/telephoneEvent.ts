/** RFC 4733 §2.3 telephone-event payload: event, E bit, volume, duration. */
import { RtpParseError } from './rtpParseError';

/** One named event report. */
export interface TelephoneEvent {
  /** Event code: 0-9, 10 = *, 11 = #, 12-15 = A-D, 16 = flash (RFC 4733 §3.2). */
  readonly event: number;
  /** E bit: this report ends the event. */
  readonly end: boolean;
  /** Power level in -dBm0, 0..63. */
  readonly volume: number;
  /** Duration so far, in timestamp units (8000 Hz for DTMF). */
  readonly duration: number;
}

const DIGITS = '0123456789*#ABCD';

/** The DTMF character for an event code (16 is "flash"), or undefined for other events. */
export function eventToDigit(event: number): string | undefined {
  if (event === 16) return 'flash';
  return DIGITS[event];
}

/** The event code for a DTMF character (0-9, *, #, A-D; case-insensitive). */
export function digitToEvent(digit: string): number | undefined {
  const i = DIGITS.indexOf(digit.toUpperCase());
  return i < 0 || digit.length !== 1 ? undefined : i;
}

/** Parses the first (and normally only) 4-byte event report of a payload. Throws {@link RtpParseError}. */
export function parseTelephoneEvent(payload: Uint8Array): TelephoneEvent {
  if (payload.length < 4 || payload.length % 4 !== 0) {
    throw new RtpParseError('bad-payload', `telephone-event payload of ${payload.length} bytes`);
  }
  const b1 = payload[1] ?? 0;
  return {
    event: payload[0] ?? 0,
    end: (b1 & 0x80) !== 0,
    volume: b1 & 0x3f,
    duration: ((payload[2] ?? 0) << 8) | (payload[3] ?? 0),
  };
}

/** Serializes an event report (R bit zero). */
export function serializeTelephoneEvent(e: TelephoneEvent): Uint8Array {
  if (
    e.event < 0 ||
    e.event > 255 ||
    e.volume < 0 ||
    e.volume > 63 ||
    e.duration < 0 ||
    e.duration > 0xffff
  ) {
    throw new RangeError('telephone-event field out of range');
  }
  return Uint8Array.of(e.event, (e.end ? 0x80 : 0) | e.volume, e.duration >> 8, e.duration & 0xff);
}
