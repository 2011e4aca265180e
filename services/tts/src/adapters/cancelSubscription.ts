import {
  type Bus,
  type MalformedMessageError,
  type MessageListener,
  onMessage,
  protoCodec,
} from '@warmline/bus';
import { CancelSpeech, subjects } from '@warmline/contracts';
import { wildcardOf } from './subjectWildcard';

/** Callbacks of {@link subscribeCancels}. */
export interface CancelHandlers {
  readonly onCancel: (cancel: CancelSpeech) => void;
  readonly onMalformed: (error: MalformedMessageError) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * Follows `tts.cancel.*` on core NATS. No queue group: every replica gets
 * every cancel, because the utterance may be queued or spoken on any of them.
 */
export const subscribeCancels = (bus: Bus, handlers: CancelHandlers): MessageListener =>
  onMessage(
    bus,
    wildcardOf(subjects.cancelSpeech),
    protoCodec(CancelSpeech),
    (d) => handlers.onCancel(d.value),
    {
      onMalformed: handlers.onMalformed,
      onError: handlers.onError,
    },
  );
