import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KeywordHit } from '../domain/keywords/humanRequest';
import type { SpeechRecognizer } from './recognition';

/** What one recognition of a whole clip gave, with timings for benchmarks. */
export interface ClipRecognition {
  /** The finals joined in order. */
  readonly text: string;
  /** Mean confidence of the finals that report one. */
  readonly confidence: number | undefined;
  readonly keywordHit: KeywordHit | undefined;
  readonly partials: number;
  /** Audio heard when the first partial came (ms of the clip), if any came. */
  readonly firstPartialAudioMs: number | undefined;
  /** Wall time from the first frame written to the first partial. */
  readonly firstPartialWallMs: number | undefined;
  /** Wall time from `end()` to the end of the events. */
  readonly finalLatencyMs: number;
  /** Wall time from the first frame to the end of the events. */
  readonly wallMs: number;
  /** The error that ended the stream, if one did. */
  readonly error: Error | undefined;
}

/** How {@link recognizeClip} feeds the audio. */
export interface ClipOptions {
  /** Frames of 20 ms, written one per 20 ms (real time) instead of all at once. */
  readonly realTime?: boolean;
  /** The clip's rate before resampling to 16 kHz (8000 for telephone audio). */
  readonly sourceRate?: number;
}

const FRAME_SAMPLES = 320;

/**
 * Runs one 16 kHz clip through a recognizer in 20 ms frames and collects the
 * result and timings. For benchmarks and integration tests; the service feeds
 * frames as they arrive instead.
 */
export const recognizeClip = async (
  recognizer: SpeechRecognizer,
  samples: Int16Array,
  options: ClipOptions = {},
): Promise<ClipRecognition> => {
  const stream = recognizer.open(
    options.sourceRate === undefined ? {} : { sourceRate: options.sourceRate },
  );
  const started = performance.now();
  let firstPartialWallMs: number | undefined;
  let firstPartialAudioMs: number | undefined;
  let partials = 0;
  const texts: string[] = [];
  const confidences: number[] = [];
  let keywordHit: KeywordHit | undefined;
  let error: Error | undefined;
  const reading = (async () => {
    for await (const event of stream.events) {
      if (event.type === 'partial') {
        partials += 1;
        firstPartialWallMs ??= performance.now() - started;
        firstPartialAudioMs ??= event.audioMs;
      } else if (event.type === 'final') {
        if (event.text) texts.push(event.text);
        if (event.confidence !== undefined) confidences.push(event.confidence);
        keywordHit ??= event.keywordHit;
      } else {
        error = event.error;
      }
    }
  })();
  for (let index = 0; index * FRAME_SAMPLES < samples.length; index++) {
    const frame = new Int16Array(FRAME_SAMPLES);
    frame.set(samples.subarray(index * FRAME_SAMPLES, (index + 1) * FRAME_SAMPLES));
    stream.write(frame);
    if (options.realTime) await sleep(Math.max(0, started + (index + 1) * 20 - performance.now()));
  }
  const endedAt = performance.now();
  stream.end();
  await reading;
  const finished = performance.now();
  return {
    text: texts.join(' '),
    confidence: confidences.length
      ? confidences.reduce((a, b) => a + b, 0) / confidences.length
      : undefined,
    keywordHit,
    partials,
    firstPartialAudioMs,
    firstPartialWallMs,
    finalLatencyMs: finished - endedAt,
    wallMs: finished - started,
    error,
  };
};
