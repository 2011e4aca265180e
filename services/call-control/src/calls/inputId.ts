import { type CallInput, assertNever } from '../domain';

/** The idempotency key of an input, for instruction ids and logs. */
export function inputId(input: CallInput): string {
  switch (input.kind) {
    case 'startCall':
      return input.request.callId;
    case 'command':
      return input.command.commandId;
    case 'gatewaySignal':
      return input.signal.signalId;
    case 'answerOutcome':
      return `${input.answerCommandId}:outcome`;
    case 'ringTimeout':
      return `ring:${input.calleeLegId}`;
    case 'serverTermination':
      return input.terminationId;
    default:
      return assertNever(input);
  }
}
