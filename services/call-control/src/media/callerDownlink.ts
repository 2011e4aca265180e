import { Resampler, pcmFromBytes, pcmToBytes } from '@warmline/audio';
import type { AudioFrame } from '@warmline/contracts';

/**
 * Caller audio for the SDK: frames from the gateway (16 kHz) resampled, with a streaming
 * resampler so frame boundaries do not click, to the rate the client asked for.
 */
export class CallerDownlink {
  private resampler: Resampler | undefined;

  constructor(private readonly rate: number) {}

  /** The frame's audio at the client's rate, as 16-bit little-endian bytes. */
  convert(frame: AudioFrame): Uint8Array {
    if (this.resampler?.fromRate !== frame.sampleRate) {
      this.resampler = new Resampler(frame.sampleRate, this.rate);
    }
    return pcmToBytes(this.resampler.process(pcmFromBytes(frame.pcm)));
  }
}
