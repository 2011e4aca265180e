import type { SipTransportName } from '../sip/transport/sipTransport';
import type { SipTimers } from '../sip/transaction/timers';
import type { RtpPortRange } from './rtpPortPool';

/**
 * Calls a SIP trunk may send: which Request-URI user (the called number) goes to which
 * connector, and the only destinations a callee leg may be placed to for them.
 */
export interface SipRoute {
  /** The Request-URI user part (`+15550001111`, `agent`); `*` matches any. */
  readonly user: string;
  readonly connectorId: string;
  /** The only SIP URIs connect() may ring for these calls (toll-fraud fence). */
  readonly transferDestinations: readonly string[];
  /** The From user on callee INVITEs (default: the caller's user). */
  readonly transferCallerId?: string;
}

/** Digest credentials for a trunk that challenges our INVITEs. */
export interface SipTrunkCredentials {
  readonly username: string;
  readonly password: string;
}

/** The SIP side of the gateway. */
export interface SipSettings {
  /** Listen address and port (0: any free port). */
  readonly host: string;
  readonly port: number;
  readonly transports: readonly SipTransportName[];
  /** Address written in Via, Contact, SDP o=/c= (default: `host`). */
  readonly publicAddress: string;
  readonly rtpPorts: RtpPortRange;
  /** Accept the first RTP packet's source as the peer's address (symmetric RTP, RFC 4961). */
  readonly rtpLatching: boolean;
  readonly routes: readonly SipRoute[];
  readonly trunkCredentials?: SipTrunkCredentials;
  /** Base URL of the context store: callee INVITEs get `Call-Info: <base/callId>;purpose=info`. */
  readonly contextUrlBase?: string;
  readonly timers?: SipTimers;
}

/** Whether connect() may ring `destination` for calls on `route`. */
export const sipDestinationAllowed = (route: SipRoute, destination: string): boolean =>
  route.transferDestinations.includes(destination);

/** The route for a called user. */
export const sipRouteFor = (routes: readonly SipRoute[], user: string): SipRoute | undefined =>
  routes.find((r) => r.user === user) ?? routes.find((r) => r.user === '*');
