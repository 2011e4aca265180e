import type { CallCommand, CallEvent } from '@warmline/contracts';

/** What became of a command the call accepted, as its events tell it. */
export type CommandOutcome =
  /** The command's effect is still under way (the gateway has not answered, the callee rings). */
  | { readonly kind: 'pending' }
  | { readonly kind: 'ok' }
  /** The command was accepted but did not succeed (answer or connect failed, the call ended). */
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

const ok: CommandOutcome = { kind: 'ok' };
const pending: CommandOutcome = { kind: 'pending' };
const closed = (what: string): CommandOutcome => ({
  kind: 'failed',
  code: 'CALL_CLOSED',
  message: `the call ended before ${what} completed`,
});

/**
 * answer(): CallAnswered or CallAnswerFailed caused by it; a command that found another
 * answer pending (or whose reply was lost to a pre-answer connect) takes the first answer
 * outcome, bridge or end of call recorded after the call's last CallAnswerRequested.
 */
function answerOutcome(events: readonly CallEvent[], commandId: string): CommandOutcome {
  const own = events.find(
    (e) =>
      e.causationId === commandId &&
      (e.payload?.$case === 'answered' || e.payload?.$case === 'answerFailed'),
  );
  const lastRequest = events.findLastIndex((e) => e.payload?.$case === 'answerRequested');
  const candidates = own ? [own] : events.slice(lastRequest + 1);
  for (const event of candidates) {
    const payload = event.payload;
    switch (payload?.$case) {
      case 'answered':
      case 'connected':
        return ok;
      case 'answerFailed': {
        const { errorCode, errorMessage } = payload.value;
        const detail = errorMessage ? `: ${errorMessage}` : '';
        return { kind: 'failed', code: 'ANSWER_FAILED', message: `${errorCode}${detail}` };
      }
      case 'terminated':
        return closed('answer');
      default:
        break;
    }
  }
  return pending;
}

/** connect(): CallConnected on its leg, or the first CallConnectFailed or end of call after it. */
function connectOutcome(events: readonly CallEvent[], commandId: string): CommandOutcome {
  const index = events.findIndex(
    (e) => e.causationId === commandId && e.payload?.$case === 'connectRequested',
  );
  const request = events[index]?.payload;
  if (request?.$case !== 'connectRequested') return ok;
  const { calleeLegId } = request.value;
  for (const event of events.slice(index + 1)) {
    const payload = event.payload;
    switch (payload?.$case) {
      case 'connected':
        if (payload.value.calleeLegId === calleeLegId) return ok;
        break;
      case 'connectFailed':
        return {
          kind: 'failed',
          code: payload.value.errorCode,
          message: payload.value.errorMessage,
        };
      case 'terminated':
        return closed('connect');
      default:
        break;
    }
  }
  return pending;
}

/**
 * The outcome of a command the decider accepted (first time or as a repeat), derived
 * from the call's events only, so a repeated command id gets the original result even
 * from another process. answer() and connect() complete later; the rest at once.
 */
export function commandOutcome(events: readonly CallEvent[], command: CallCommand): CommandOutcome {
  switch (command.payload?.$case) {
    case 'answer':
      return answerOutcome(events, command.commandId);
    case 'connect':
      return connectOutcome(events, command.commandId);
    default:
      return ok;
  }
}
