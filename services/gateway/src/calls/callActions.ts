import type { NumberRoute } from '../settings/carrierSettings';
import type { CalleeLegPlan, CalleeLegState, CarrierLegControl } from './carrierLegControl';

/** What a gateway instruction can do to a call held here. */
export interface CallActions {
  readonly callId: string;
  /** The call ended here (hang-up, stream lost, hangup instruction). */
  readonly ended: boolean;
  /** Whether a callee leg is being placed or is bridged. */
  readonly calleeLeg: CalleeLegState | undefined;
  /** The number the call came in on (its transfer allowlist). */
  readonly route: NumberRoute;
  /** The carrier's REST API for this call. */
  readonly control: CarrierLegControl;
  /** Starts forwarding audio both ways (the carrier already answered the call). */
  answer(): void;
  /** Takes the agent out: no more audio either way; queued agent audio is cleared. */
  removeAgent(): void;
  /** Records the callee leg about to be placed, before the carrier is asked. */
  beginTransfer(plan: Omit<CalleeLegPlan, 'resumeToken'>): CalleeLegPlan;
  /** Forgets the callee leg (placing it failed, or it was cancelled). */
  endTransfer(calleeLegId: string): void;
  /** Ends the call here without reporting a leg fact (call-control asked for it). */
  hangup(detail: string): void;
}
