import type { Meter } from '@opentelemetry/api';
import {
  type HopRecorder,
  WarmlineMetrics,
  createHopRecorder,
  createStageLatency,
} from '@warmline/telemetry';

/** What a call session measures. */
export interface SttMetrics {
  /** stt's end-of-speech decision (local clock) to the final transcript recorded, in ms. */
  endOfSpeechToTranscript(ms: number, engine: string): void;
  /** The hop gateway → stt of a turn's last frame: its gateway ingress stamp to its arrival here. */
  readonly hop: HopRecorder;
}

/**
 * The stt metrics of the metric contract: `warmline_stt_end_of_speech_to_transcript_ms`,
 * `warmline_stt_calls_active` (observed from `ownedCalls`, KEDA scales stt on it) and the
 * gateway → stt hop of `warmline_turn_platform_overhead_ms`.
 */
export const createSttMetrics = (meter: Meter, ownedCalls: () => number): SttMetrics => {
  const latency = createStageLatency(
    meter,
    WarmlineMetrics.STT_END_OF_SPEECH_TO_TRANSCRIPT_MS,
    'End of caller speech (end of turn detected) to final transcript recorded',
  );
  meter
    .createObservableGauge(WarmlineMetrics.STT_CALLS_ACTIVE, {
      unit: '{call}',
      description: 'Calls this replica holds by lease',
    })
    .addCallback((result) => result.observe(ownedCalls()));
  return {
    endOfSpeechToTranscript: (ms, engine) => latency.record(ms, { engine }),
    hop: createHopRecorder(meter),
  };
};

/** Measures nothing (sessions built without a meter). */
export const noSttMetrics: SttMetrics = {
  endOfSpeechToTranscript: () => undefined,
  hop: () => undefined,
};
