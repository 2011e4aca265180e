import { CallClosedError, CallCommandError } from '../errors/callErrors';
import { CallEventName } from '../events/eventNames';
import type { OutcomeSelector } from './outcomeWaiter';

/** answer(): answered (or bridged by a racing pre-answer connect), failed, or the call ended. */
export const answerOutcome =
  (callId: string): OutcomeSelector =>
  (notice) => {
    switch (notice.name) {
      case CallEventName.CALL_ANSWERED:
      case CallEventName.CALL_CONNECTED:
        return { kind: 'ok' };
      case CallEventName.CALL_ANSWER_FAILED: {
        const { errorCode, errorMessage } = notice.detail;
        const message = errorMessage ? `${errorCode}: ${errorMessage}` : errorCode;
        return {
          kind: 'failed',
          error: new CallCommandError(callId, 'answer', 'ANSWER_FAILED', message),
        };
      }
      case CallEventName.CALL_TERMINATED:
        return {
          kind: 'failed',
          error: new CallClosedError('the call ended before answer completed', callId),
        };
      default:
        return undefined;
    }
  };

/** connect(): the callee answered, the connect failed (`CALL_UNANSWERED`, ...), or the call ended. */
export const connectOutcome =
  (callId: string): OutcomeSelector =>
  (notice) => {
    switch (notice.name) {
      case CallEventName.CALL_CONNECTED:
        return { kind: 'ok' };
      case CallEventName.CALL_CONNECT_FAILED: {
        const { errorCode, errorMessage } = notice.detail;
        return {
          kind: 'failed',
          error: new CallCommandError(callId, 'connect', errorCode, errorMessage),
        };
      }
      case CallEventName.CALL_TERMINATED:
        return {
          kind: 'failed',
          error: new CallClosedError('the call ended before connect completed', callId),
        };
      default:
        return undefined;
    }
  };
