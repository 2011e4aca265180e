import type { ContextDoc } from './contextDoc';
import { NO_EVENT_IDS } from './eventIds';
import { NO_POSITIONS } from './positions';

/** The context of a call before any event: what the first event is folded into. */
export const emptyContext = (callId: string, at: Date): ContextDoc => ({
  _id: callId,
  positions: NO_POSITIONS,
  eventIds: NO_EVENT_IDS,
  call: {
    callerNumber: '',
    calleeNumber: '',
    connectorId: '',
    transport: 'TRANSPORT_UNSPECIFIED',
    handler: 'CALL_HANDLER_UNSPECIFIED',
    state: 'CALL_STATE_UNSPECIFIED',
  },
  turns: [],
  timeline: [],
  lastEventAt: at,
});
