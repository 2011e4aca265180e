import type { ActiveCall, CallEventHandler, CallHandlers } from '../call/activeCall';
import type { CallEventName, ClientEvent } from '../events/eventNames';

/** Handler arguments of every event a client can listen to: INCOMING_CALL plus every call event. */
export type ClientHandlers = CallHandlers & { [ClientEvent.INCOMING_CALL]: [call: ActiveCall] };

/** Any event name a client accepts. */
export type ClientEventName = keyof ClientHandlers;

/** A handler of client event `K`: `(call)` for INCOMING_CALL, `(call, detail)` for call events. */
export type ClientEventHandler<K extends ClientEventName> = K extends CallEventName
  ? CallEventHandler<K>
  : (call: ActiveCall) => void | Promise<void>;
