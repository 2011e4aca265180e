import { type CallCommand, CallState } from '@warmline/contracts';
import type { CallAggregate, CallStatus } from './callAggregate';

/** The name of a call command: the `$case` of `CallCommand.payload`. */
export type CallCommandName = NonNullable<CallCommand['payload']>['$case'];

/**
 * The seed's table of commands per state; the single source `decide` guards with.
 * (sendAudio, audioStream and clearSendAudioBuffer are media-plane operations, not
 * commands on the aggregate.) `terminate` is the platform's server-side termination,
 * which the seed allows from every active state; it is not an application method.
 */
const allowedByState: Readonly<Record<CallStatus, readonly CallCommandName[]>> = {
  [CallState.CALL_STATE_PENDING]: ['answer', 'connect', 'terminate'],
  [CallState.CALL_STATE_ANSWERED]: ['connect', 'close', 'disconnect', 'terminate'],
  [CallState.CALL_STATE_CONNECTED]: ['setAgentMode', 'close', 'disconnect', 'terminate'],
  [CallState.CALL_STATE_DISCONNECTED]: [],
};

/** Commands that are the platform's, not the application's: left out of user-facing messages. */
const platformCommands: readonly CallCommandName[] = ['terminate'];

const stateLabels: Readonly<Record<CallStatus, string>> = {
  [CallState.CALL_STATE_PENDING]: 'PENDING',
  [CallState.CALL_STATE_ANSWERED]: 'ANSWERED',
  [CallState.CALL_STATE_CONNECTED]: 'CONNECTED',
  [CallState.CALL_STATE_DISCONNECTED]: 'DISCONNECTED',
};

const commandLabels: Readonly<Record<CallCommandName, string>> = {
  answer: 'answer',
  connect: 'connect',
  close: 'close',
  disconnect: 'disconnect',
  setAgentMode: 'barge/whisper/spy',
  terminate: 'terminate',
};

/** The commands the seed allows in a state. */
export function allowedCommands(state: CallStatus): readonly CallCommandName[] {
  return allowedByState[state];
}

/** Whether the seed allows a command in a state. */
export function isCommandAllowed(state: CallStatus, command: CallCommandName): boolean {
  return allowedByState[state].includes(command);
}

/** The state's short name, as the seed writes it (PENDING, ANSWERED, ...). */
export function stateLabel(state: CallStatus): string {
  return stateLabels[state];
}

/** The user-facing name of a command (setAgentMode is barge/whisper/spy in the seed's API). */
export function commandLabel(command: CallCommandName): string {
  return commandLabels[command];
}

/**
 * A sentence for error messages: what the call accepts right now,
 * e.g. "PENDING allows answer, connect".
 */
export function describeAllowedCommands(call: CallAggregate): string {
  if (!call.exists) return 'the call does not exist: only a StartCallRequest creates it';
  const allowed = allowedByState[call.state].filter((name) => !platformCommands.includes(name));
  const label = stateLabels[call.state];
  if (allowed.length === 0) return `${label} allows no commands`;
  return `${label} allows ${allowed.map(commandLabel).join(', ')}`;
}
