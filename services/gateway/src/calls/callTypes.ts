import type { Transport } from '@warmline/contracts';
import type { Logger } from '@warmline/telemetry';
import type { CarrierName } from '../carriers/stream/streamEvent';
import type { MediaClock } from '../media/clock/mediaClock';
import type { MediaTransport } from '../media/mediaTransport';
import type { PacerFactory } from '../media/pacing/outboundPacing';
import type { NumberRoute } from '../settings/carrierSettings';
import type { CarrierLegControl } from './carrierLegControl';
import type { GatewayBus } from './gatewayBus';

/** Hooks for metrics and benchmarks. */
export interface GatewayObserver {
  /** A frame of agent audio left `latenessMs` after its due time. */
  outboundFrame?(latenessMs: number): void;
}

/** Media settings shared by every call of a gateway. */
export interface MediaSettings {
  /** How long a missing inbound frame is waited for (ms). */
  readonly jitterDepthMs: number;
  /** A playback checkpoint mark every this many frames. */
  readonly markEveryFrames: number;
  readonly pacers: PacerFactory;
  readonly clock: MediaClock;
}

/** What every call of a gateway shares. */
export interface CallDeps {
  readonly bus: GatewayBus;
  readonly logger: Logger;
  readonly gatewayId: string;
  readonly media: MediaSettings;
  readonly observer?: GatewayObserver;
}

/** Where a call came from: decided when its stream was admitted. */
export interface CallOrigin {
  readonly callId: string;
  readonly carrier: CarrierName;
  readonly transport: Transport;
  /** Twilio AccountSid or Telnyx account name (re-attaching streams must match it). */
  readonly account: string;
  readonly route: NumberRoute;
  readonly callerNumber: string;
  readonly calleeNumber: string;
  readonly carrierCallId: string;
  readonly customParameters: Readonly<Record<string, string>>;
  readonly control: CarrierLegControl;
}

/** The carrier stream a call's media flows over. */
export interface StreamLeg {
  readonly transport: MediaTransport;
  /** Closes the stream's socket (the call's own teardown, not a carrier event). */
  close(code: number, reason: string): void;
}
