import { CallEventName } from '../events/eventNames';
import type { CallEventBase, CallNotice } from '../events/eventDetails';
import { type AgentMode, type CallState, type TerminationReason, isAtLeast } from './callState';
import type { CallView } from './callView';

/** A state (and mode) the platform reported outside an event: a command result or a snapshot. */
export interface ReportedState {
  readonly state: CallState | undefined;
  readonly mode: AgentMode | undefined;
  /** Why the call ended, when the report says DISCONNECTED. */
  readonly terminationReason?: TerminationReason;
  /** Free text about the ending. */
  readonly detail?: string;
}

/** The result of folding something into a call's view. */
export interface Folded {
  readonly view: CallView;
  /** The events the application hears about, in order. */
  readonly notices: readonly CallNotice[];
}

/**
 * Moves the view to a reported state. States only move forward, so an older report never
 * undoes a newer event. Entering ANSWERED, CONNECTED or DISCONNECTED (or changing the mode)
 * produces the same notice the matching event would have; that event, arriving later,
 * then finds nothing to change and stays silent. So each of these fires once per call.
 */
export function foldReportedState(
  view: CallView,
  report: ReportedState,
  base: CallEventBase,
): Folded {
  const target = report.state;
  if (target === undefined || view.state === 'DISCONNECTED' || !isAtLeast(target, view.state)) {
    return { view, notices: [] };
  }
  const notices: CallNotice[] = [];
  if (target === view.state) {
    const mode = report.mode;
    if (target === 'CONNECTED' && mode !== undefined && mode !== view.mode) {
      notices.push({ name: CallEventName.CALL_MODE_CHANGED, detail: { ...base, mode } });
      return { view: { ...view, mode }, notices };
    }
    return { view, notices };
  }
  switch (target) {
    case 'PENDING':
      return { view, notices };
    case 'ANSWERED':
      notices.push({ name: CallEventName.CALL_ANSWERED, detail: base });
      return { view: { ...view, state: target }, notices };
    case 'CONNECTED':
      notices.push({ name: CallEventName.CALL_CONNECTED, detail: base });
      return {
        view: { ...view, state: target, mode: report.mode ?? 'BARGE', connectPending: false },
        notices,
      };
    case 'DISCONNECTED': {
      const reason = report.terminationReason ?? 'UNKNOWN';
      notices.push({
        name: CallEventName.CALL_TERMINATED,
        detail: { ...base, reason, detail: report.detail ?? '' },
      });
      const ended = { state: target, connectPending: false, terminationReason: reason };
      return { view: { ...view, ...ended }, notices };
    }
  }
}
