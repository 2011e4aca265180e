import type { CalleeProgress } from '../twilio/calleeStatus';

/** The parts of a Call Control webhook the gateway reads. */
export interface TelnyxWebhook {
  readonly eventType: string;
  readonly callControlId?: string;
  readonly hangupCause?: string;
}

/** Reads `{"data":{"event_type","payload":{"call_control_id","hangup_cause"}}}`, or `undefined` for anything else. */
export const parseTelnyxWebhook = (body: string): TelnyxWebhook | undefined => {
  try {
    const parsed = JSON.parse(body) as {
      data?: { event_type?: unknown; payload?: Record<string, unknown> };
    };
    const eventType = parsed.data?.event_type;
    if (typeof eventType !== 'string') return undefined;
    const payload = parsed.data?.payload ?? {};
    const text = (value: unknown): string | undefined =>
      typeof value === 'string' ? value : undefined;
    return {
      eventType,
      callControlId: text(payload['call_control_id']),
      hangupCause: text(payload['hangup_cause']),
    };
  } catch {
    return undefined;
  }
};

const FAILURES: Readonly<Record<string, { errorCode: string; detail: string }>> = {
  busy: { errorCode: 'CALLEE_BUSY', detail: 'the callee was busy' },
  timeout: { errorCode: 'CALL_UNANSWERED', detail: 'the callee did not answer' },
  no_answer: { errorCode: 'CALL_UNANSWERED', detail: 'the callee did not answer' },
  originator_cancel: { errorCode: 'CALL_UNANSWERED', detail: 'the callee leg was canceled' },
  call_rejected: { errorCode: 'CALLEE_DECLINED', detail: 'the callee declined' },
  user_busy: { errorCode: 'CALLEE_BUSY', detail: 'the callee was busy' },
};

/**
 * What a webhook of the transferred (callee) leg means: `call.answered` →
 * answered; `call.hangup` before that → failed by `hangup_cause`, after it →
 * the callee hung up; anything else (`call.initiated`, `call.bridged`) only
 * names the leg. Pure.
 */
export const telnyxCalleeProgress = (
  webhook: TelnyxWebhook,
  answeredBefore: boolean,
): CalleeProgress => {
  switch (webhook.eventType) {
    case 'call.answered':
      return { kind: 'answered' };
    case 'call.hangup': {
      if (answeredBefore) return { kind: 'hungUp' };
      const failure = FAILURES[webhook.hangupCause ?? ''] ?? {
        errorCode: 'CALLEE_UNREACHABLE',
        detail: `the callee leg ended (${webhook.hangupCause ?? 'no cause'})`,
      };
      return { kind: 'failed', ...failure };
    }
    default:
      return { kind: 'none' };
  }
};
