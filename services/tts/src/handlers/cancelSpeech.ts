import { type CancelSpeech, isSubjectToken } from '@warmline/contracts';
import { type Logger, WarmlineAttributes } from '@warmline/telemetry';
import type { CallScheduler } from '../service/callScheduler';

/**
 * Handles a `CancelSpeech` (barge-in): stops the named utterance, or every
 * utterance of the call when no utterance is named, at once. Frames already
 * published are the gateway's to clear; nothing more is published for them.
 */
export const cancelSpeechHandler =
  (deps: { readonly scheduler: CallScheduler; readonly logger: Logger }) =>
  (cancel: CancelSpeech): void => {
    if (!isSubjectToken(cancel.callId)) {
      deps.logger.warn({ reason: 'call_id is not a subject token' }, 'cancel refused');
      return;
    }
    const stopped = deps.scheduler.cancel(cancel.callId, cancel.utteranceId || undefined);
    deps.logger.info(
      {
        [WarmlineAttributes.CALL_ID]: cancel.callId,
        [WarmlineAttributes.UTTERANCE_ID]: cancel.utteranceId,
        stopped,
      },
      'speech cancel received',
    );
  };
