import type { Logger } from '@warmline/telemetry';
import type { RoutingTable } from '../domain';
import type { CallStore } from './callStore';
import type { KeyedQueue } from '@warmline/bus';
import type { GatewayPort, IncomingCallsPort, RingTimerPort } from './ports';

/** Everything the call handlers need, built once by `createApp`. */
export interface CallDeps {
  readonly store: CallStore;
  readonly queue: KeyedQueue;
  readonly gateway: GatewayPort;
  readonly timers: RingTimerPort;
  readonly incoming: IncomingCallsPort;
  /** ms since the epoch. */
  readonly clock: () => number;
  readonly newId: () => string;
  readonly routing: RoutingTable;
  /** Connector → callee destination: the allowlist connect() rings from. */
  readonly calleeDestinations: ReadonlyMap<string, string>;
  /** Substituted when connect() asks for ring time 0. */
  readonly defaultRingTimeSeconds: number;
  /** How long ExecuteCommand waits beyond a command's own duration (ring time) for its outcome. */
  readonly outcomeGraceMs: number;
  readonly log: Logger;
}
