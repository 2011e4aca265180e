/** What a {@link Heartbeat} does on each beat. */
export interface HeartbeatOptions {
  readonly intervalMs: number;
  /** Silence longer than this many intervals ends the session. */
  readonly missedBeats: number;
  readonly clock: () => number;
  /** Sends the server's heartbeat (once the session is welcomed). */
  readonly beat: () => void;
  /** The client has been silent too long. */
  readonly silent: (silentForMs: number) => void;
}

/**
 * Heartbeats both ways: the server beats every interval once started, and any message from
 * the client counts as its beat; a client silent for `missedBeats` intervals is given up.
 */
export class Heartbeat {
  private lastHeardMs: number;
  private beating = false;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: HeartbeatOptions) {
    this.lastHeardMs = options.clock();
    this.timer = setInterval(() => this.tick(), options.intervalMs);
    this.timer.unref();
  }

  /** The client said something. */
  heard(): void {
    this.lastHeardMs = this.options.clock();
  }

  /** Starts sending the server's beats. */
  start(): void {
    this.beating = true;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    const silentForMs = this.options.clock() - this.lastHeardMs;
    if (silentForMs > this.options.intervalMs * this.options.missedBeats) {
      this.stop();
      this.options.silent(silentForMs);
      return;
    }
    if (this.beating) this.options.beat();
  }
}
