import { randomUUID } from 'node:crypto';
import { GatewaySignal, Party } from '@warmline/contracts';

/** The payload of a GatewaySignal (a leg fact). */
export type SignalPayload = NonNullable<GatewaySignal['payload']>;

/** A new GatewaySignal with a fresh id (its JetStream msg id) and the current time. */
export const newSignal = (
  callId: string,
  payload: SignalPayload,
  nowMs: number = Date.now(),
): GatewaySignal =>
  GatewaySignal.fromPartial({ signalId: randomUUID(), callId, occurredAtMs: nowMs, payload });

/** Leg facts the carrier streams produce. */
export const facts = {
  callerHungUp: (): SignalPayload => ({
    $case: 'partyHungUp',
    value: { party: Party.PARTY_CALLER },
  }),
  calleeHungUp: (): SignalPayload => ({
    $case: 'partyHungUp',
    value: { party: Party.PARTY_CALLEE },
  }),
  mediaLost: (detail: string): SignalPayload => ({ $case: 'mediaLost', value: { detail } }),
  dtmf: (digit: string, durationMs = 0): SignalPayload => ({
    $case: 'dtmf',
    value: { digit, durationMs },
  }),
  calleeRinging: (calleeLegId: string): SignalPayload => ({
    $case: 'calleeRinging',
    value: { calleeLegId },
  }),
  calleeAnswered: (calleeLegId: string): SignalPayload => ({
    $case: 'calleeAnswered',
    value: { calleeLegId },
  }),
  calleeFailed: (
    calleeLegId: string,
    errorCode: string,
    detail: string,
    carrierStatus = 0,
  ): SignalPayload => ({
    $case: 'calleeFailed',
    value: { calleeLegId, errorCode, detail, carrierStatus },
  }),
};
