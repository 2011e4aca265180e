import { isVoiceEnergy } from '@warmline/audio';

/** A stretch of a recording with speech in it, in ms from the recording's start. */
export interface SpeechSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Where a recording has speech: 20 ms frames above -45 dBFS, with gaps shorter than `bridgeMs`
 * (pauses between words) joined. Pure.
 */
export const speechSpans = (samples: Int16Array, rate: number, bridgeMs = 400): SpeechSpan[] => {
  const frame = Math.round(rate / 50);
  const spans: { startMs: number; endMs: number }[] = [];
  for (let at = 0; at + frame <= samples.length; at += frame) {
    if (!isVoiceEnergy(samples.subarray(at, at + frame), -45)) continue;
    const startMs = (at / rate) * 1000;
    const last = spans.at(-1);
    if (last && startMs - last.endMs <= bridgeMs) last.endMs = startMs + 20;
    else spans.push({ startMs, endMs: startMs + 20 });
  }
  return spans;
};

/** How much speech the spans hold, in ms. */
export const speechMsOf = (spans: readonly SpeechSpan[]): number =>
  spans.reduce((ms, s) => ms + (s.endMs - s.startMs), 0);
