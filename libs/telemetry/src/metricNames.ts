/**
 * The metric contract (deploy/observability/metrics.json, which dashboards and
 * autoscalers query): each service registers its names from here, and the
 * deploy checks compare this list with the contract and with the services'
 * sources. Names are the final Prometheus names (the exporter adds no unit suffix, and
 * leaves a counter's `_total` as is).
 */
export const WarmlineMetrics = {
  /** stt histogram: end of caller speech (last frame in) → final transcript recorded, ms. */
  STT_END_OF_SPEECH_TO_TRANSCRIPT_MS: 'warmline_stt_end_of_speech_to_transcript_ms',
  /** llm-decision histogram: transcript received → reply or escalation published, ms. */
  LLM_DECISION_LATENCY_MS: 'warmline_llm_decision_latency_ms',
  /** tts histogram: reply received → first audio frame published, ms. */
  TTS_FIRST_AUDIO_MS: 'warmline_tts_first_audio_ms',
  /** gateway histogram: per turn, platform time outside the engines (see gateway README), ms. */
  TURN_PLATFORM_OVERHEAD_MS: 'warmline_turn_platform_overhead_ms',
  /** gateway histogram: how late each outbound agent frame left against its 20 ms pacing slot, ms. */
  GATEWAY_OUTBOUND_LATENESS_MS: 'warmline_gateway_outbound_lateness_ms',
  /** gateway gauge: calls in progress on this replica. */
  CALLS_ACTIVE: 'warmline_calls_active',
  /** stt gauge: calls this replica holds by lease. */
  STT_CALLS_ACTIVE: 'warmline_stt_calls_active',
  /** orchestrator counter `{reason, outcome}`: escalations finished. */
  ESCALATIONS_TOTAL: 'warmline_escalations_total',
} as const;

/** Outbound pacing lateness buckets in ms (the criterion is p99 < 5 ms). */
export const PACING_LATENESS_BUCKETS_MS = [0.5, 1, 2, 3, 5, 10, 20, 50, 100];

/** Per-turn latency buckets in ms, shared by the stage histograms. */
export const TURN_LATENCY_BUCKETS_MS = [
  5, 10, 25, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000,
];
