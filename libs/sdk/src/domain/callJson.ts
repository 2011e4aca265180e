import { InvalidArgumentError } from '../errors/warmlineError';
import { AgentMode, CallState } from './callState';

/** The format tag of {@link ActiveCallJSON}. */
export const CALL_JSON_FORMAT = 'warmline.call/1';

/**
 * A call serialised by `call.toJSON()` (so `JSON.stringify(call)` works) to rebuild it on another
 * process with `ActiveCall.fromJSON(client, json)` or `client.attachCall(json)`. It holds ids and
 * the last known state only: the rebuilt call asks the platform for the current state.
 */
export interface ActiveCallJSON {
  readonly format: typeof CALL_JSON_FORMAT;
  readonly callId: string;
  readonly callerNumber: string;
  readonly calleeNumber: string;
  readonly connectorId: string;
  readonly state: CallState;
  readonly mode?: AgentMode;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (message: string): InvalidArgumentError =>
  new InvalidArgumentError('json', `not a serialised call: ${message}`);

function stringField(record: Record<string, unknown>, name: string, required: boolean): string {
  const value = record[name];
  if (typeof value === 'string' && (value !== '' || !required)) return value;
  if (value === undefined && !required) return '';
  throw invalid(`${name} must be a${required ? ' non-empty' : ''} string`);
}

/**
 * Reads a serialised call from the object `toJSON()` returned or from its JSON text.
 *
 * @throws {@link InvalidArgumentError} when it is not one
 */
export function parseCallJson(input: unknown): ActiveCallJSON {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (cause) {
      throw new InvalidArgumentError('json', 'not a serialised call: invalid JSON', { cause });
    }
  }
  if (!isRecord(value)) throw invalid('expected an object');
  if (value.format !== CALL_JSON_FORMAT) throw invalid(`format must be "${CALL_JSON_FORMAT}"`);
  const state = value.state;
  if (typeof state !== 'string' || !Object.values<string>(CallState).includes(state)) {
    throw invalid('state must be PENDING, ANSWERED, CONNECTED or DISCONNECTED');
  }
  const mode = value.mode;
  if (
    mode !== undefined &&
    (typeof mode !== 'string' || !Object.values<string>(AgentMode).includes(mode))
  ) {
    throw invalid('mode must be BARGE, WHISPER or SPY');
  }
  return {
    format: CALL_JSON_FORMAT,
    callId: stringField(value, 'callId', true),
    callerNumber: stringField(value, 'callerNumber', false),
    calleeNumber: stringField(value, 'calleeNumber', false),
    connectorId: stringField(value, 'connectorId', false),
    state: state as CallState,
    ...(mode === undefined ? {} : { mode: mode as AgentMode }),
  };
}
