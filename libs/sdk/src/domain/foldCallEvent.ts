import type { CallEvent } from '@warmline/contracts';
import type { CallEventBase } from '../events/eventDetails';
import { CallEventName } from '../events/eventNames';
import type { CallView } from './callView';
import { type Folded, foldReportedState } from './foldCallState';
import { agentModeFromProto, terminationReasonFromProto } from './protoNames';

const unchanged = (view: CallView): Folded => ({ view, notices: [] });

/**
 * Folds one call event from the platform into the view and says which application events
 * it produces. A DISCONNECTED call ignores everything after its end; state changes that a
 * command result already reported stay silent (see {@link foldReportedState}).
 */
export function foldCallEvent(view: CallView, event: CallEvent): Folded {
  const payload = event.payload;
  if (!payload || view.state === 'DISCONNECTED') return unchanged(view);
  const base: CallEventBase = { eventId: event.eventId, occurredAt: event.occurredAt };
  switch (payload.$case) {
    case 'started':
    case 'answerRequested':
    case 'bridgeEnded':
      return unchanged(view);
    case 'answered':
      return foldReportedState(view, { state: 'ANSWERED', mode: undefined }, base);
    case 'answerFailed': {
      const { errorCode, errorMessage } = payload.value;
      const detail = { ...base, errorCode, errorMessage, carrierStatus: 0 };
      return { view, notices: [{ name: CallEventName.CALL_ANSWER_FAILED, detail }] };
    }
    case 'connectRequested':
      return unchanged({ ...view, connectPending: true });
    case 'connectRinging':
      return { view, notices: [{ name: CallEventName.CALL_RINGING, detail: base }] };
    case 'connected':
      return foldReportedState(view, { state: 'CONNECTED', mode: 'BARGE' }, base);
    case 'connectFailed': {
      const { errorCode, errorMessage, carrierStatus } = payload.value;
      const detail = { ...base, errorCode, errorMessage, carrierStatus };
      return {
        view: { ...view, connectPending: false },
        notices: [{ name: CallEventName.CALL_CONNECT_FAILED, detail }],
      };
    }
    case 'agentModeChanged':
      return foldReportedState(
        view,
        { state: view.state, mode: agentModeFromProto(payload.value.mode) },
        base,
      );
    case 'terminated':
      return foldReportedState(
        view,
        {
          state: 'DISCONNECTED',
          mode: view.mode,
          terminationReason: terminationReasonFromProto(payload.value.reason),
          detail: payload.value.detail,
        },
        base,
      );
    case 'dtmfReceived': {
      const { digit, durationMs } = payload.value;
      return {
        view,
        notices: [{ name: CallEventName.CALL_DTMF, detail: { ...base, digit, durationMs } }],
      };
    }
    default: {
      // A payload this SDK version does not know: newer platforms may add events.
      const _newer: never = payload;
      return unchanged(view);
    }
  }
}
