import type { CallEvent } from '@warmline/contracts';
import type { DecideContext } from './decideContext';

/** One arm of the `CallEvent.payload` oneof. */
export type CallEventPayload = NonNullable<CallEvent['payload']>;

/** Why an event happened and which conversation it belongs to. */
export interface EventCause {
  /** The command id, signal id or event id that caused the event. */
  readonly causationId: string;
  readonly correlationId: string;
}

/** Wraps a payload in the call's event envelope, with an id and time from the context. */
export function newCallEvent(
  ctx: DecideContext,
  callId: string,
  cause: EventCause,
  payload: CallEventPayload,
): CallEvent {
  return {
    eventId: ctx.newId(),
    callId,
    occurredAt: new Date(ctx.nowMs),
    causationId: cause.causationId,
    correlationId: cause.correlationId,
    payload,
  };
}
