import { constantTimeEqual } from '../security/constantTimeEqual';
import type { CallDeps, CallOrigin, StreamLeg } from './callTypes';
import { CarrierCall } from './carrierCall';

/** The calls this gateway holds, by call id, and the teardowns still finishing. */
export class CallRegistry {
  private readonly calls = new Map<string, CarrierCall>();
  private readonly finishing = new Set<Promise<void>>();

  constructor(private readonly deps: CallDeps) {}

  /** Calls held now. */
  get size(): number {
    return this.calls.size;
  }

  /** Opens a new call on `stream` and announces it to call-control. */
  open(origin: CallOrigin, stream: StreamLeg): CarrierCall {
    const call = new CarrierCall(this.deps, origin, (ended) => this.forget(ended));
    this.calls.set(origin.callId, call);
    void call.begin(stream);
    return call;
  }

  /** The call with this id, if held here. */
  get(callId: string): CarrierCall | undefined {
    return this.calls.get(callId);
  }

  /**
   * The call a returning stream re-attaches to: held here, waiting on a
   * transfer, from the same carrier account, with the resume token it was given.
   */
  resume(
    callId: string,
    token: string,
    account: string,
    carrier: CallOrigin['carrier'],
  ): CarrierCall | undefined {
    const call = this.calls.get(callId);
    const expected = call?.resumeToken();
    if (!call || expected === undefined) return undefined;
    if (call.origin.account !== account || call.origin.carrier !== carrier) return undefined;
    return constantTimeEqual(token, expected) ? call : undefined;
  }

  /** Ends every call (gateway shutdown) and waits for their teardown. */
  async shutdown(): Promise<void> {
    for (const call of [...this.calls.values()]) call.shutdown();
    await this.settled();
  }

  /** Waits until every ended call has finished its teardown. */
  async settled(): Promise<void> {
    while (this.finishing.size > 0) await Promise.allSettled([...this.finishing]);
  }

  private forget(call: CarrierCall): void {
    if (this.calls.get(call.callId) === call) this.calls.delete(call.callId);
    const done = call.done.finally(() => this.finishing.delete(done));
    this.finishing.add(done);
  }
}
