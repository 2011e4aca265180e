/** A service of the local stack did not become ready (it exited, or never said it was ready). */
export class ServiceStartError extends Error {
  override readonly name = 'ServiceStartError';
  constructor(
    readonly service: string,
    readonly reason: string,
    /** The service's last output lines, to see why. */
    readonly output: string,
  ) {
    super(`${service} did not start: ${reason}\n--- ${service} output ---\n${output}`);
  }
}

/** The options of startLocalStack are contradictory or incomplete. */
export class LocalStackOptionsError extends Error {
  override readonly name = 'LocalStackOptionsError';
}
