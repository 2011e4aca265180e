import {
  CallerListener,
  type ListenerOptions,
  type SpeechRecognizer,
  type SpeechSynthesizer,
  isHangUp,
  replyIntent,
  sendLine,
} from '@warmline/example-kit';
import { type ActiveCall, type WarmlineClient, type WarmlineLogger, events } from '@warmline/sdk';
import {
  type NotificationStatus,
  type NotificationStore,
  lines,
  settle,
} from './domain/notifications';

/** What {@link runNotifications} needs. */
export interface NotificationDeps {
  readonly client: WarmlineClient;
  readonly recognizer: SpeechRecognizer;
  readonly synthesizer: SpeechSynthesizer;
  readonly store: NotificationStore;
  /** How long to wait for each reply; default 10 s. */
  readonly replyTimeoutMs?: number;
  readonly listener?: ListenerOptions;
  readonly logger?: WarmlineLogger;
}

/** What the caller answered, per notification id, and whether the call ran to the goodbye. */
export interface NotificationOutcome {
  readonly answers: Readonly<Record<string, NotificationStatus>>;
  readonly completed: boolean;
}

/**
 * One call: answer, identify the caller by number, read each pending notification, listen for a
 * confirmation, mark it acknowledged or flagged, then say goodbye and disconnect. A hang-up
 * leaves the unread ones pending.
 */
export async function handleCall(
  call: ActiveCall,
  deps: NotificationDeps,
): Promise<NotificationOutcome> {
  const listener = new CallerListener(call, deps.recognizer, deps.listener);
  const answers: Record<string, NotificationStatus> = {};
  try {
    await call.answer();
    const [recipient, pending] = await Promise.all([
      deps.store.findRecipient(call.callerNumber),
      deps.store.pending(call.callerNumber),
    ]);
    if (!pending.length) {
      await sendLine(call, deps.synthesizer, lines.none(recipient?.name));
      await call.disconnect();
      return { answers, completed: true };
    }
    await sendLine(call, deps.synthesizer, lines.greeting(recipient?.name, pending.length));
    for (const [index, notification] of pending.entries()) {
      await sendLine(call, deps.synthesizer, lines.read(index, pending.length, notification.text));
      let status: NotificationStatus | 'ask-again' = 'ask-again';
      for (let asked = false; status === 'ask-again'; asked = true) {
        if (asked) await sendLine(call, deps.synthesizer, lines.again);
        const reply = await listener.next(deps.replyTimeoutMs ?? 10_000);
        if (reply === undefined && call.state === 'DISCONNECTED')
          return { answers, completed: false };
        status = settle(reply === undefined ? undefined : replyIntent(reply), asked);
      }
      await deps.store.mark(notification.id, status, call.callId);
      answers[notification.id] = status;
      await sendLine(call, deps.synthesizer, lines[status]);
    }
    await sendLine(call, deps.synthesizer, lines.goodbye);
    await call.disconnect();
    return { answers, completed: true };
  } catch (error) {
    if (isHangUp(error, call)) return { answers, completed: false };
    throw error;
  } finally {
    await listener.stop();
  }
}

/** Registers the notifications handler on `deps.client`; returns a function that removes it. */
export function runNotifications(deps: NotificationDeps): () => void {
  const onCall = async (call: ActiveCall): Promise<void> => {
    try {
      const outcome = await handleCall(call, deps);
      deps.logger?.info('notifications call handled', {
        callId: call.callId,
        answered: Object.keys(outcome.answers).length,
        completed: outcome.completed,
      });
    } catch (error) {
      deps.logger?.error('notifications call failed', {
        callId: call.callId,
        error: String(error),
      });
      if (call.state !== 'DISCONNECTED') await call.disconnect().catch(() => undefined);
    }
  };
  deps.client.on(events.INCOMING_CALL, onCall);
  return () => void deps.client.off(events.INCOMING_CALL, onCall);
}
