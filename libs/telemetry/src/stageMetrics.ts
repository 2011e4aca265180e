import type { Histogram, Meter } from '@opentelemetry/api';
import type { Stage } from './attributes';
import { TURN_LATENCY_BUCKETS_MS, WarmlineMetrics } from './metricNames';
import { createHistogram } from './metrics';

type LatencyMetric =
  | typeof WarmlineMetrics.STT_END_OF_SPEECH_TO_TRANSCRIPT_MS
  | typeof WarmlineMetrics.LLM_DECISION_LATENCY_MS
  | typeof WarmlineMetrics.TTS_FIRST_AUDIO_MS;

/** A per-turn stage latency histogram of the metric contract, in ms with the shared buckets. */
export const createStageLatency = (
  meter: Meter,
  name: LatencyMetric,
  description: string,
): Histogram => createHistogram(meter, name, 'ms', description, TURN_LATENCY_BUCKETS_MS);

/**
 * Records `warmline_turn_platform_overhead_ms{from,to}`: for one turn, the time its message
 * spent between two stages (bus transit, stream storage, consumer queueing) — from the moment
 * the upstream stage stamped it (`sentAtMs`, its wall clock) to the moment this stage took it
 * in. Engines are not in it. A turn's platform overhead is the sum over its hops
 * (stt→llm-decision, llm-decision→tts, tts→gateway). Across hosts the figure includes clock
 * offset; a negative value (a clock ahead) is recorded as 0.
 */
export type HopRecorder = (from: Stage, to: Stage, sentAtMs: number, receivedAtMs: number) => void;

/** Creates the {@link HopRecorder} of a service on `meter`. */
export const createHopRecorder = (meter: Meter): HopRecorder => {
  const histogram = createHistogram(
    meter,
    WarmlineMetrics.TURN_PLATFORM_OVERHEAD_MS,
    'ms',
    'Per turn and hop between stages: time in the platform (bus, queues) outside engines',
    TURN_LATENCY_BUCKETS_MS,
  );
  return (from, to, sentAtMs, receivedAtMs) => {
    if (!Number.isFinite(sentAtMs) || sentAtMs <= 0) return;
    histogram.record(Math.max(0, receivedAtMs - sentAtMs), { from, to });
  };
};
