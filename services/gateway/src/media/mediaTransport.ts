import type { SampleRate } from '@warmline/audio';

/**
 * The media side of one transport leg (a carrier WebSocket stream today, a
 * SIP/RTP leg later), as the call media session sees it: PCM at the leg's
 * rate goes out one paced frame at a time; the leg's own codec, framing and
 * socket stay behind this interface.
 */
export interface MediaTransport {
  /** Rate of the PCM this leg takes and gives (after its codec). */
  readonly rate: SampleRate;
  /**
   * The leg echoes playback marks once the audio before them has played
   * (carrier streams). Without it (RTP), audio sent counts as heard.
   */
  readonly confirmsPlayback: boolean;
  /** Sends one 20 ms frame of agent audio now. */
  sendAudio(samples: Int16Array): void;
  /** Asks to be told (via the session's `markPlayed`) when the audio sent so far has played. */
  sendMark(name: string): void;
  /** Drops audio the far end has buffered but not yet played (barge-in). */
  sendClear(): void;
}
