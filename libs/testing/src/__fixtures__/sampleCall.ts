// A tiny call decider and escalation workflow, used only by the spec helpers' own unit tests.

export type CallEvent =
  | { type: 'Started'; callId: string }
  | { type: 'Answered'; atMs: number }
  | { type: 'Ended'; reason: 'HANGUP' | 'TIMEOUT' };

export type CallCommand =
  { type: 'Answer'; nowMs: number } | { type: 'HangUp' } | { type: 'Corrupt' };

export interface CallState {
  status: 'Idle' | 'Pending' | 'Answered' | 'Ended';
  answeredAtMs?: number;
}

export interface CallRejection {
  code: 'NOT_PENDING' | 'ALREADY_ENDED';
  status: CallState['status'];
}

/** A broken invariant: thrown, not returned. */
export class CallInvariantError extends Error {
  override readonly name = 'CallInvariantError';
}

export const initialState = (): CallState => ({ status: 'Idle' });

export const evolve = (state: CallState, event: CallEvent): CallState => {
  switch (event.type) {
    case 'Started':
      return { status: 'Pending' };
    case 'Answered':
      return { status: 'Answered', answeredAtMs: event.atMs };
    case 'Ended':
      return { ...state, status: 'Ended' };
  }
};

/** The result-object style: rejections are values. */
export const decide = (
  command: CallCommand,
  state: CallState,
): { ok: true; events: CallEvent[] } | { ok: false; error: CallRejection } => {
  switch (command.type) {
    case 'Answer':
      return state.status === 'Pending'
        ? { ok: true, events: [{ type: 'Answered', atMs: command.nowMs }] }
        : { ok: false, error: { code: 'NOT_PENDING', status: state.status } };
    case 'HangUp':
      if (state.status === 'Ended') return { ok: true, events: [] }; // idempotent
      return { ok: true, events: [{ type: 'Ended', reason: 'HANGUP' }] };
    case 'Corrupt':
      throw new CallInvariantError('corrupt command');
  }
};

/** The array style: rejections are exceptions. */
export const decideEvents = (command: CallCommand, state: CallState): CallEvent[] => {
  const result = decide(command, state);
  if (!result.ok) throw new CallInvariantError(`cannot ${command.type} in ${state.status}`);
  return result.events;
};

export type EscalationInput =
  | { type: 'EscalationRequested'; callId: string; nowMs: number }
  | { type: 'TimedOut' }
  | { type: 'AgentUnknown'; agentId: string };

export type EscalationEvent = { type: 'Requested'; callId: string } | { type: 'Finished' };

export type Effect =
  | { kind: 'Send'; command: { type: 'PlayHold'; callId: string } }
  | { kind: 'Schedule'; input: { type: 'TimedOut' }; afterMs: number }
  | { kind: 'Ignore'; reason: 'FINISHED' | 'NOT_STARTED' };

export type EscalationState =
  { status: 'Idle' } | { status: 'Waiting'; callId: string } | { status: 'Finished' };

export const escalation = {
  initialState: (): EscalationState => ({ status: 'Idle' }),
  evolve: (_state: EscalationState, event: EscalationEvent): EscalationState =>
    event.type === 'Requested'
      ? { status: 'Waiting', callId: event.callId }
      : { status: 'Finished' },
  decide: (input: EscalationInput, state: EscalationState): Effect[] => {
    switch (input.type) {
      case 'EscalationRequested':
        return [
          { kind: 'Send', command: { type: 'PlayHold', callId: input.callId } },
          { kind: 'Schedule', input: { type: 'TimedOut' }, afterMs: 30_000 },
        ];
      case 'TimedOut':
        return state.status === 'Waiting' ? [] : [{ kind: 'Ignore', reason: 'FINISHED' }];
      case 'AgentUnknown':
        throw new Error(`unknown agent ${input.agentId}`);
    }
  },
};
