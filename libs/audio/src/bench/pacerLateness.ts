import { PacerDriver } from '../pacer/pacerDriver';
import { monotonicNowMs } from '../pacer/monotonicNow';
import type { PacerStats } from '../pacer/pacerTypes';

/** Wake-up lateness of real-timer pacers: how long after its due time each frame left. */
export interface LatenessSample {
  pacers: number;
  frames: number;
  latenessMs: number[];
  stats: PacerStats[];
}

/** Runs `pacers` concurrent drivers, each sending `seconds` of 8 kHz audio, and records lateness. */
export const measurePacerLateness = (pacers: number, seconds: number): Promise<LatenessSample> =>
  new Promise((resolve) => {
    const latenessMs: number[] = [];
    const drivers: PacerDriver[] = [];
    let finished = 0;
    for (let p = 0; p < pacers; p++) {
      const driver = new PacerDriver({
        rate: 8000,
        onFrame: (frame) => latenessMs.push(monotonicNowMs() - frame.dueMs),
        onProgress: () => {
          finished++;
          if (finished === pacers) {
            drivers.forEach((d) => d.stop());
            resolve({
              pacers,
              frames: latenessMs.length,
              latenessMs,
              stats: drivers.map((d) => d.stats),
            });
          }
        },
      });
      drivers.push(driver);
      driver.enqueue(new Int16Array(8000 * seconds), { utteranceId: `bench-${p}`, final: true });
    }
  });
