import type { Logger } from '@warmline/telemetry';
import type { GatewayBus } from './gatewayBus';
import { newSignal, type SignalPayload } from './signals';

/**
 * Reports a call's leg facts as GatewaySignals, but only once call-control
 * accepted the call (a call it never knew gets none), and keeps track of the
 * ones still being stored so teardown can wait for them.
 */
export class SignalReporter {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly callId: string,
    private readonly bus: GatewayBus,
    private readonly accepted: () => Promise<boolean>,
    private readonly log: Logger,
  ) {}

  /** Reports one fact (failures are logged; the publish is retried by the bus port). */
  report(fact: SignalPayload): void {
    const signal = newSignal(this.callId, fact);
    const sent = this.accepted().then(async (accepted) => {
      if (!accepted) return;
      await this.bus.publishSignal(signal).catch((error: unknown) => {
        this.log.error({ err: error, signal: fact.$case }, 'gateway signal not stored');
      });
    });
    this.pending.add(sent);
    void sent.finally(() => this.pending.delete(sent));
  }

  /** Resolves when every fact reported so far is stored or given up on. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}
