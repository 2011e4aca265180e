import type { Meter } from '@opentelemetry/api';
import { WarmlineMetrics } from '@warmline/telemetry';

/** `warmline_calls_active`: calls this gateway replica holds, read at each scrape. */
export const observeCallsActive = (meter: Meter, calls: () => number): void => {
  meter
    .createObservableGauge(WarmlineMetrics.CALLS_ACTIVE, {
      unit: '{call}',
      description: 'Calls in progress on this gateway replica',
    })
    .addCallback((result) => result.observe(calls()));
};
