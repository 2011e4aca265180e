import type { CalleeProgress } from '../carriers/twilio/calleeStatus';
import { type SignalPayload, facts } from './signals';

/** A carrier's word about a callee leg (status callback or webhook). */
export interface CalleeUpdate {
  readonly calleeLegId: string;
  /** The carrier's id of the callee leg, when it named one. */
  readonly carrierLegId?: string;
  readonly progress: CalleeProgress;
  /** The carrier's status code behind a failure, when there is one. */
  readonly carrierStatus?: number;
}

/** The leg fact a callee update reports, if any. */
export const calleeProgressSignal = (update: CalleeUpdate): SignalPayload | undefined => {
  const { calleeLegId, progress } = update;
  switch (progress.kind) {
    case 'none':
      return undefined;
    case 'ringing':
      return facts.calleeRinging(calleeLegId);
    case 'answered':
      return facts.calleeAnswered(calleeLegId);
    case 'failed':
      return facts.calleeFailed(
        calleeLegId,
        progress.errorCode,
        progress.detail,
        update.carrierStatus ?? 0,
      );
    case 'hungUp':
      return facts.calleeHungUp();
  }
};
