import { monotonicNowMs, PacerDriver } from '@warmline/audio';
import type { PacerFactory } from './outboundPacing';

/**
 * Pacers with one `setTimeout` each ({@link PacerDriver}): kept to compare
 * against the shared clock in the benchmark.
 */
export const timerPacers: PacerFactory = (rate, callbacks) => {
  const driver = new PacerDriver({
    rate,
    onFrame: (frame) => callbacks.onFrame(frame, monotonicNowMs() - frame.dueMs),
    onProgress: (progress) => callbacks.onProgress(progress),
  });
  return {
    enqueue: (pcm, options) => driver.enqueue(pcm, options),
    clear: () => driver.clear(),
    stop: () => driver.stop(),
    get queuedMs() {
      return driver.queuedMs;
    },
  };
};
