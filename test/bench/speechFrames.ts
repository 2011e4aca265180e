import { encodeMulaw } from '@warmline/audio';
import { callerSpeech } from '@warmline/local-stack';

/** 20 ms at 8 kHz. */
const FRAME = 160;
/** A frame whose RMS is below this counts as the silence flite pads a line with. */
const SILENCE_RMS = 300;

const rms = (frame: Int16Array): number =>
  Math.sqrt(frame.reduce((sum, s) => sum + s * s, 0) / frame.length);

/** One caller line as base64 μ-law Twilio media payloads, padding silence cut at both ends. */
export interface SpokenLine {
  readonly text: string;
  readonly payloads: readonly string[];
}

/** The base64 payload of 20 ms of silence. */
export const SILENCE_PAYLOAD = Buffer.from(encodeMulaw(new Int16Array(FRAME))).toString('base64');

/**
 * Renders `text` with flite (the test caller's voice) into 20 ms frames, trimmed so that the last
 * frame sent is the last one with speech in it: "last caller frame in" is then the end of speech.
 */
export const spokenLine = async (text: string): Promise<SpokenLine> => {
  const samples = await callerSpeech(text);
  const frames: Int16Array[] = [];
  for (let i = 0; i + FRAME <= samples.length; i += FRAME)
    frames.push(samples.subarray(i, i + FRAME));
  const first = frames.findIndex((f) => rms(f) >= SILENCE_RMS);
  const last = frames.findLastIndex((f) => rms(f) >= SILENCE_RMS);
  if (first < 0) throw new Error(`the rendered line “${text}” has no speech in it`);
  return {
    text,
    payloads: frames
      .slice(first, last + 1)
      .map((f) => Buffer.from(encodeMulaw(f)).toString('base64')),
  };
};
