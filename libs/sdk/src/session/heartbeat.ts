import { isSilent } from '../domain/heartbeatPolicy';

/**
 * Sends a heartbeat every interval and notices silence: when nothing at all arrived for three
 * intervals the connection is considered dead (`onSilent`), as the platform does for clients.
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private lastReceivedMs: number;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (sentAtMs: number) => void,
    private readonly onSilent: () => void,
    private readonly now: () => number = Date.now,
  ) {
    this.lastReceivedMs = now();
  }

  /** Starts the timer. */
  start(): void {
    this.stop();
    this.lastReceivedMs = this.now();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  /** Something arrived from the platform. */
  received(): void {
    this.lastReceivedMs = this.now();
  }

  /** Stops the timer. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = this.now();
    if (isSilent(this.lastReceivedMs, now, this.intervalMs)) {
      this.stop();
      this.onSilent();
      return;
    }
    this.send(now);
  }
}
