/** One named readiness check: true when that dependency is usable (NATS connected, Mongo reachable…). */
export type ReadinessCheck = () => boolean | Promise<boolean>;

/** What `/readyz` answers: ready only when started, not draining, and every check passes. */
export interface ReadinessReport {
  readonly ready: boolean;
  /** `starting` until the service declares its checks, `draining` after SIGTERM. */
  readonly status: 'starting' | 'ready' | 'not-ready' | 'draining';
  readonly checks: Readonly<Record<string, boolean>>;
}

/**
 * A service's readiness as its main.ts declares it: `ready(checks)` once it
 * has started (streams bound, consumers running), `draining()` first thing on
 * SIGTERM so load balancers and Kubernetes stop sending work before it drains.
 */
export class Readiness {
  private checks: Readonly<Record<string, ReadinessCheck>> | undefined;
  private isDraining = false;

  /** Declares the service started; `/readyz` passes while every check does. */
  ready(checks: Readonly<Record<string, ReadinessCheck>> = {}): void {
    this.checks = checks;
  }

  /** Fails `/readyz` from now on (shutdown has begun). */
  draining(): void {
    this.isDraining = true;
  }

  /** @internal read by the ops server. */
  get state(): {
    readonly checks: Readonly<Record<string, ReadinessCheck>> | undefined;
    readonly draining: boolean;
  } {
    return { checks: this.checks, draining: this.isDraining };
  }
}

const run = async (check: ReadinessCheck): Promise<boolean> => {
  try {
    return (await check()) === true;
  } catch {
    return false;
  }
};

/** Runs the checks; a check that throws counts as failing. */
export const readinessReport = async (readiness: Readiness): Promise<ReadinessReport> => {
  const { checks, draining } = readiness.state;
  if (draining) return { ready: false, status: 'draining', checks: {} };
  if (!checks) return { ready: false, status: 'starting', checks: {} };
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await run(check)] as const),
  );
  const ready = entries.every(([, ok]) => ok);
  return { ready, status: ready ? 'ready' : 'not-ready', checks: Object.fromEntries(entries) };
};
