import type { AudioFrame, PlaybackControl } from '@warmline/contracts';

/** The media plane on the bus, as the media channel needs it. */
export interface MediaBusPort {
  /** Caller audio frames of a call (`media.<callId>.in`); returns the unsubscribe function. */
  onCallerAudio(callId: string, handler: (frame: AudioFrame) => void): () => void;
  /** One agent audio frame (`media.<callId>.out`), at most once. */
  publishAgentAudio(frame: AudioFrame): void;
  /** Playback control for the call's outbound audio (`media.<callId>.control`). */
  publishControl(control: PlaybackControl): void;
}
