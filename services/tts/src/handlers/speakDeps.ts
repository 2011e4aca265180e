import type { Logger } from '@warmline/telemetry';
import type { SpeakLimits } from '../domain/speak/speakJob';
import type { CallScheduler } from '../service/callScheduler';
import type { UtteranceDeps } from '../service/speakUtterance';
import type { TtsMetrics } from '../service/ttsMetrics';

/** Retry bounds for failed syntheses. */
export interface RetrySettings {
  /** Deliveries of one request in total, the first included. */
  readonly maxAttempts: number;
  /** Delay before the next delivery, by delivery count (the last entry repeats). */
  readonly backoffMs: readonly number[];
}

/** What the SpeakRequest handler needs. */
export interface SpeakHandlerDeps {
  readonly scheduler: CallScheduler;
  readonly utterance: UtteranceDeps;
  readonly metrics: TtsMetrics;
  readonly logger: Logger;
  readonly limits: SpeakLimits;
  readonly retry: RetrySettings;
}
