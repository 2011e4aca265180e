/** What a Twilio callee-leg status callback means for the call. */
export type CalleeProgress =
  | { readonly kind: 'none' }
  | { readonly kind: 'ringing' }
  | { readonly kind: 'answered' }
  | { readonly kind: 'failed'; readonly errorCode: string; readonly detail: string }
  | { readonly kind: 'hungUp' };

/**
 * Maps `CallStatus` of a `<Number>`/`<Sip>` status callback (events initiated,
 * ringing, answered, completed) to a leg fact. `completed` after `answered` is
 * the bridged call ending: Twilio does not say which side hung up, so it is
 * reported as the callee's hang-up. Pure.
 */
export const calleeProgress = (callStatus: string, answeredBefore: boolean): CalleeProgress => {
  switch (callStatus) {
    case 'queued':
    case 'initiated':
      return { kind: 'none' };
    case 'ringing':
      return { kind: 'ringing' };
    case 'in-progress':
    case 'answered':
      return { kind: 'answered' };
    case 'completed':
      return answeredBefore
        ? { kind: 'hungUp' }
        : {
            kind: 'failed',
            errorCode: 'CALL_UNANSWERED',
            detail: 'the callee leg ended unanswered',
          };
    case 'busy':
      return { kind: 'failed', errorCode: 'CALLEE_BUSY', detail: 'the callee was busy' };
    case 'no-answer':
      return { kind: 'failed', errorCode: 'CALL_UNANSWERED', detail: 'the callee did not answer' };
    case 'canceled':
      return {
        kind: 'failed',
        errorCode: 'CALL_UNANSWERED',
        detail: 'the callee leg was canceled',
      };
    case 'failed':
      return {
        kind: 'failed',
        errorCode: 'CALLEE_UNREACHABLE',
        detail: 'the callee could not be reached',
      };
    default:
      return { kind: 'none' };
  }
};
