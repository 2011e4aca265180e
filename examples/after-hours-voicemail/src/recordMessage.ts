import { Resampler, pcmFromBytes } from '@warmline/audio';
import type { ActiveCall } from '@warmline/sdk';
import { MessageRecorder, type MessageRecorderOptions } from './domain/messageRecorder';

/**
 * Reads the caller's audio into a {@link MessageRecorder}, ignoring what arrives before
 * `startAfter` settles (the prompt). Ends with the message, or with what was said when the caller
 * hangs up.
 */
export async function recordMessage(
  call: ActiveCall,
  sampleRate: number,
  startAfter: Promise<unknown>,
  options: Partial<MessageRecorderOptions> = {},
): Promise<MessageRecorder> {
  const recorder = new MessageRecorder(options);
  const resampler = sampleRate === 16_000 ? undefined : new Resampler(sampleRate, 16_000);
  let recording = false;
  void startAfter.finally(() => {
    recording = true;
  });
  for await (const chunk of call.audioStream()) {
    if (!recording) continue;
    const samples = pcmFromBytes(chunk);
    if (recorder.push(resampler ? resampler.process(samples) : samples)) break;
  }
  return recorder;
}
