import type { CallSnapshot } from '@warmline/contracts';
import type { CallInstruction, RingTimeoutTimer } from '../domain';

/** What the gateway answered to one instruction (transport failures included, as a code). */
export type GatewayReply =
  | { readonly ok: true }
  | { readonly ok: false; readonly errorCode: string; readonly errorMessage: string };

/** Tells the gateway that holds a call what to do (request/reply on `gw.call.<callId>`). */
export interface GatewayPort {
  instruct(callId: string, instructionId: string, action: CallInstruction): Promise<GatewayReply>;
}

/** Arms ring timers that fire even if this process dies before the deadline. */
export interface RingTimerPort {
  /** Idempotent by the timer's callee leg id. */
  schedule(callId: string, timer: RingTimeoutTimer): Promise<void>;
}

/** Offers an SDK-routed call to the SDK sessions of its connector (one of them takes it). */
export interface IncomingCallsPort {
  /** Idempotent by call id. */
  offer(snapshot: CallSnapshot): Promise<void>;
}
