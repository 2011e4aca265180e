import {
  AgentMode,
  type CallCommand,
  type CallCommandResult,
  type CallEvent,
  type CallSnapshot,
  CallState,
  TerminationReason,
} from '@warmline/contracts';

/** How the double's callee reacts to connect(). */
export type ConnectBehaviour =
  { readonly kind: 'answer' } | { readonly kind: 'fail'; readonly errorCode: string };

/** What the double's call logic does to the outside. */
export interface DoubleCallEffects {
  emit(callId: string, payload: NonNullable<CallEvent['payload']>, causationId: string): void;
  endMedia(callId: string, reason: TerminationReason): void;
}

const allowed: Record<string, readonly CallState[]> = {
  answer: [CallState.CALL_STATE_PENDING],
  connect: [CallState.CALL_STATE_PENDING, CallState.CALL_STATE_ANSWERED],
  close: [CallState.CALL_STATE_ANSWERED, CallState.CALL_STATE_CONNECTED],
  disconnect: [CallState.CALL_STATE_ANSWERED, CallState.CALL_STATE_CONNECTED],
  setAgentMode: [CallState.CALL_STATE_CONNECTED],
};

/**
 * The double's calls: a small version of the call state machine, idempotent by command id,
 * that emits the events call-control would. Connect rings briefly and then answers or fails.
 */
export class DoubleCalls {
  readonly calls = new Map<string, CallSnapshot>();
  readonly commands: CallCommand[] = [];
  connectBehaviour: ConnectBehaviour = { kind: 'answer' };
  private readonly results = new Map<string, CallCommandResult>();

  constructor(private readonly effects: DoubleCallEffects) {}

  /** Applies a command once per command id. */
  execute(command: CallCommand): CallCommandResult {
    this.commands.push(command);
    const known = this.results.get(command.commandId);
    if (known) return known;
    const result = this.decide(command);
    this.results.set(command.commandId, result);
    return result;
  }

  /** Ends a call from the platform side (the caller hung up). */
  terminate(callId: string, reason = TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP): void {
    this.end(callId, reason, '');
  }

  private decide(command: CallCommand): CallCommandResult {
    const call = this.calls.get(command.callId);
    const payload = command.payload;
    const result = (ok: boolean, errorCode = '', errorMessage = ''): CallCommandResult => ({
      commandId: command.commandId,
      callId: command.callId,
      ok,
      errorCode,
      errorMessage,
      state: call?.state ?? CallState.CALL_STATE_UNSPECIFIED,
      mode: call?.mode ?? AgentMode.AGENT_MODE_UNSPECIFIED,
    });
    if (!call) return result(false, 'CALL_NOT_FOUND', 'no such call');
    if (!payload) return result(false, 'INVALID_ARGUMENT', 'no payload');
    if (call.state === CallState.CALL_STATE_DISCONNECTED)
      return result(false, 'CALL_CLOSED', 'the call has ended');
    if (!allowed[payload.$case]?.includes(call.state))
      return result(false, 'WRONG_STATE', `${payload.$case} not allowed`);
    const id = command.commandId;
    switch (payload.$case) {
      case 'answer':
        call.state = CallState.CALL_STATE_ANSWERED;
        this.effects.emit(call.callId, { $case: 'answered', value: {} }, id);
        return result(true);
      case 'connect':
        if (call.connectPending) return result(false, 'CONNECT_IN_PROGRESS', 'already ringing');
        call.connectPending = true;
        this.effects.emit(
          call.callId,
          {
            $case: 'connectRequested',
            value: {
              ringTimeSeconds: payload.value.ringTimeSeconds,
              destination: 'sip:callee@test',
              calleeLegId: `leg-${id}`,
              handoffData: payload.value.handoffData,
            },
          },
          id,
        );
        setTimeout(() => this.ringOut(call, `leg-${id}`), 30);
        return result(true);
      case 'close':
        this.end(
          call.callId,
          call.state === CallState.CALL_STATE_CONNECTED
            ? TerminationReason.TERMINATION_REASON_AGENT_LEFT
            : TerminationReason.TERMINATION_REASON_CLOSED,
          id,
        );
        return result(true);
      case 'disconnect':
        this.end(call.callId, TerminationReason.TERMINATION_REASON_DISCONNECTED, id);
        return result(true);
      case 'setAgentMode':
        if (call.mode !== payload.value.mode) {
          call.mode = payload.value.mode;
          this.effects.emit(
            call.callId,
            { $case: 'agentModeChanged', value: { mode: payload.value.mode } },
            id,
          );
        }
        return result(true);
      case 'terminate':
        this.end(call.callId, payload.value.reason, id);
        return result(true);
    }
  }

  private ringOut(call: CallSnapshot, calleeLegId: string): void {
    if (!call.connectPending || call.state === CallState.CALL_STATE_DISCONNECTED) return;
    this.effects.emit(call.callId, { $case: 'connectRinging', value: { calleeLegId } }, '');
    call.connectPending = false;
    const behaviour = this.connectBehaviour;
    if (behaviour.kind === 'fail') {
      this.effects.emit(
        call.callId,
        {
          $case: 'connectFailed',
          value: {
            errorCode: behaviour.errorCode,
            errorMessage: 'the callee did not answer',
            carrierStatus: 480,
          },
        },
        '',
      );
      return;
    }
    call.state = CallState.CALL_STATE_CONNECTED;
    call.mode = AgentMode.AGENT_MODE_BARGE;
    this.effects.emit(call.callId, { $case: 'connected', value: { calleeLegId } }, '');
  }

  private end(callId: string, reason: TerminationReason, causationId: string): void {
    const call = this.calls.get(callId);
    if (!call || call.state === CallState.CALL_STATE_DISCONNECTED) return;
    call.state = CallState.CALL_STATE_DISCONNECTED;
    call.connectPending = false;
    call.terminationReason = reason;
    this.effects.emit(callId, { $case: 'terminated', value: { reason, detail: '' } }, causationId);
    this.effects.endMedia(callId, reason);
  }
}
