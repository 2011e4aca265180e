import { randomUUID } from 'node:crypto';
import {
  type Bus,
  type ConsumerHandle,
  consume,
  protoCodec,
  request,
  type Responder,
  serve,
} from '@warmline/bus';
import {
  CallHandler,
  GatewayInstruction,
  GatewayInstructionResult,
  GatewaySignal,
  Party,
  StartCallRequest,
  StartCallResponse,
  streams,
  subjects,
  subjectWildcards,
  TerminationReason,
} from '@warmline/contracts';
import { CallEventLog, type CallEventPayload } from './callEventLog';

/** An instruction's action. */
export type InstructionAction = NonNullable<GatewayInstruction['action']>;

/** How the test participant behaves. */
export interface FakeCallControlOptions {
  /** Answer every accepted call at once (default true). */
  readonly autoAnswer?: boolean;
  /** Accept start requests (default true). */
  readonly accept?: boolean;
  /** Durable consumer name (unique per test file). */
  readonly durable?: string;
}

const toEvent = (signal: GatewaySignal): CallEventPayload | undefined => {
  const payload = signal.payload;
  switch (payload?.$case) {
    case 'partyHungUp':
      return {
        $case: 'terminated',
        value: {
          reason:
            payload.value.party === Party.PARTY_CALLEE
              ? TerminationReason.TERMINATION_REASON_CALLEE_HUNG_UP
              : TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP,
          detail: '',
        },
      };
    case 'mediaLost':
      return {
        $case: 'terminated',
        value: {
          reason: TerminationReason.TERMINATION_REASON_MEDIA_LOST,
          detail: payload.value.detail,
        },
      };
    case 'dtmf':
      return { $case: 'dtmfReceived', value: payload.value };
    case 'calleeRinging':
      return { $case: 'connectRinging', value: payload.value };
    case 'calleeAnswered':
      return { $case: 'connected', value: payload.value };
    case 'calleeFailed':
      return {
        $case: 'connectFailed',
        value: {
          errorCode: payload.value.errorCode,
          errorMessage: payload.value.detail,
          carrierStatus: payload.value.carrierStatus,
        },
      };
    case undefined:
      return undefined;
  }
};

/**
 * Plays call-control's side of the gateway contract on the bus, for tests
 * written before the real service: answers StartCallRequests (and writes
 * CallStarted), answers the call through a GatewayInstruction (CallAnswered),
 * consumes GatewaySignals (CallTerminated, CallDtmfReceived, …) and keeps the
 * call events stream, so tests can check the states a call went through.
 */
export class FakeCallControl {
  /** Start requests received, in order. */
  readonly starts: StartCallRequest[] = [];
  /** Signals received, in order. */
  readonly signals: GatewaySignal[] = [];
  /** Results of the answer instructions sent, by call id. */
  readonly answers = new Map<string, GatewayInstructionResult>();
  readonly events: CallEventLog;

  private constructor(
    private readonly bus: Bus,
    private readonly responder: Responder,
    private consumer: ConsumerHandle | undefined,
  ) {
    this.events = new CallEventLog(bus);
  }

  /** Starts serving `cmd.call-control.start` and consuming GATEWAY_SIGNALS. */
  static async start(bus: Bus, options: FakeCallControlOptions = {}): Promise<FakeCallControl> {
    const late: { participant?: FakeCallControl } = {};
    const responder = serve(
      bus,
      subjects.startCall,
      { requestCodec: protoCodec(StartCallRequest), responseCodec: protoCodec(StartCallResponse) },
      (req) => late.participant!.onStart(req, options),
    );
    const participant = new FakeCallControl(bus, responder, undefined);
    late.participant = participant;
    participant.consumer = await consume(bus, {
      stream: streams.gatewaySignals.name,
      durable: options.durable ?? `fake_call_control_${randomUUID().slice(0, 8)}`,
      filterSubjects: [subjectWildcards.gatewaySignals],
      codec: protoCodec(GatewaySignal),
      handler: async (signal) => {
        participant.signals.push(signal);
        const event = toEvent(signal);
        if (event) await participant.events.append(signal.callId, signal.signalId, event);
        return 'ack';
      },
    });
    return participant;
  }

  /** Sends an instruction to the gateway holding the call and returns its result. */
  instruct(
    callId: string,
    action: InstructionAction,
    timeoutMs = 5_000,
  ): Promise<GatewayInstructionResult> {
    return request(
      this.bus,
      subjects.gatewayInstruction(callId),
      protoCodec(GatewayInstruction),
      { instructionId: randomUUID(), callId, action },
      protoCodec(GatewayInstructionResult),
      { timeoutMs },
    );
  }

  /** Signals of one call with a given payload case. */
  signalsOf(
    callId: string,
    kind?: NonNullable<GatewaySignal['payload']>['$case'],
  ): GatewaySignal[] {
    return this.signals.filter(
      (s) => s.callId === callId && (kind === undefined || s.payload?.$case === kind),
    );
  }

  /** Stops serving and consuming. */
  async stop(): Promise<void> {
    await this.responder.stop();
    await this.consumer?.stop();
  }

  private async onStart(
    req: StartCallRequest,
    options: FakeCallControlOptions,
  ): Promise<StartCallResponse> {
    this.starts.push(req);
    if (options.accept === false) {
      return StartCallResponse.fromPartial({
        accepted: false,
        errorCode: 'REFUSED',
        errorMessage: 'test refuses',
      });
    }
    await this.events.append(req.callId, req.callId, {
      $case: 'started',
      value: {
        callerNumber: req.callerNumber,
        calleeNumber: req.calleeNumber,
        connectorId: req.connectorId,
        transport: req.transport,
        gatewayId: req.gatewayId,
        handler: CallHandler.CALL_HANDLER_BUILT_IN_AGENT,
        carrierCallId: req.carrierCallId,
        customParameters: req.customParameters,
      },
    });
    if (options.autoAnswer !== false) this.answer(req.callId).catch(() => undefined); // a call that ended first
    return StartCallResponse.fromPartial({
      accepted: true,
      handler: CallHandler.CALL_HANDLER_BUILT_IN_AGENT,
    });
  }

  private async answer(callId: string): Promise<void> {
    await this.events.append(callId, callId, { $case: 'answerRequested', value: {} });
    const result = await this.instruct(callId, { $case: 'answer', value: {} });
    this.answers.set(callId, result);
    if (result.ok) await this.events.append(callId, callId, { $case: 'answered', value: {} });
    else {
      await this.events.append(callId, callId, {
        $case: 'answerFailed',
        value: { errorCode: result.errorCode, errorMessage: result.errorMessage },
      });
    }
  }
}
