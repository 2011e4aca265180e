import type { Meter } from '@opentelemetry/api';
import { PACING_LATENESS_BUCKETS_MS, WarmlineMetrics, createHistogram } from '@warmline/telemetry';

/** `warmline_calls_active`: calls this gateway replica holds, read at each scrape. */
export const observeCallsActive = (meter: Meter, calls: () => number): void => {
  meter
    .createObservableGauge(WarmlineMetrics.CALLS_ACTIVE, {
      unit: '{call}',
      description: 'Calls in progress on this gateway replica',
    })
    .addCallback((result) => result.observe(calls()));
};

/**
 * `warmline_gateway_outbound_lateness_ms`: how late each outbound agent frame left against its
 * pacing slot. Returns the recorder to call per frame (a frame sent early counts as 0).
 */
export const outboundLatenessRecorder = (meter: Meter): ((latenessMs: number) => void) => {
  const histogram = createHistogram(
    meter,
    WarmlineMetrics.GATEWAY_OUTBOUND_LATENESS_MS,
    'ms',
    'Outbound agent frame sent after its pacing slot, per frame',
    PACING_LATENESS_BUCKETS_MS,
  );
  return (latenessMs) => histogram.record(Math.max(0, latenessMs));
};
