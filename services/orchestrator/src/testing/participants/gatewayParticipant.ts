import { randomUUID } from 'node:crypto';
import {
  type Bus,
  protoCodec,
  publishToStream,
  request,
  type Responder,
  serve,
} from '@warmline/bus';
import {
  type CallCapabilities,
  GatewayInstruction,
  GatewayInstructionResult,
  GatewaySignal,
  StartCallRequest,
  StartCallResponse,
  Party,
  subjects,
  Transport,
} from '@warmline/contracts';
import { CALLER_NUMBER } from './callEvents';
import { type HeldOutcomes, heldOutcomes } from './heldOutcomes';

type SignalPayload = NonNullable<GatewaySignal['payload']>;

/** How a call arrives: SIP from a gateway that declares nothing, unless given. */
export interface StartCallOptions {
  readonly transport?: Transport;
  /** What the gateway declares it can mix (absent: call-control infers it from the transport). */
  readonly capabilities?: CallCapabilities;
}

/** A stand-in for the gateway, on the real call-control's side of the gateway contract. */
export interface GatewayParticipant {
  /** Every instruction call-control sent, in order. */
  readonly instructions: GatewayInstruction[];
  /** Hold the callee's answer (CalleeRinging + CalleeAnswered) after matching PlaceCalleeLeg. */
  readonly calleeAnswers: HeldOutcomes<GatewayInstruction>;
  /** Runs before each instruction is answered (e.g. to kill a process at that point). */
  beforeReply: ((instruction: GatewayInstruction) => Promise<void>) | undefined;
  /** Announces a caller to call-control (`cmd.call-control.start`), as the gateway does. */
  startCall(
    callId: string,
    connectorId: string,
    options?: StartCallOptions,
  ): Promise<StartCallResponse>;
  /** Reports the caller hanging up. */
  callerHungUp(callId: string): Promise<void>;
  /** The instructions one call received, as `$case` names in order. */
  actionsFor(callId: string): string[];
  stop(): Promise<void>;
}

/**
 * Contract participant for the gateway facing the real call-control: starts calls, answers every
 * `gw.call.<callId>` instruction with ok, and after a PlaceCalleeLeg reports on
 * `sig.gateway.<callId>` (JetStream) that the callee rang and answered. Used where no carrier or
 * SIP peer is in the test: the media side of the gateway is tested in services/gateway.
 */
export const startGatewayParticipant = async (bus: Bus): Promise<GatewayParticipant> => {
  const instructions: GatewayInstruction[] = [];
  const calleeAnswers = heldOutcomes<GatewayInstruction>();
  const signalCodec = protoCodec(GatewaySignal);
  const gatewayId = `gw-participant-${randomUUID().slice(0, 8)}`;
  const signal = async (callId: string, payload: SignalPayload, signalId: string) => {
    const value: GatewaySignal = { signalId, callId, occurredAtMs: Date.now(), payload };
    await publishToStream(bus, subjects.gatewaySignals(callId), signalCodec, value, {
      msgId: signalId,
    });
  };
  const participant: GatewayParticipant = {
    instructions,
    calleeAnswers,
    beforeReply: undefined,
    startCall: (callId, connectorId, options = {}) =>
      request(
        bus,
        subjects.startCall,
        protoCodec(StartCallRequest),
        StartCallRequest.fromPartial({
          callId,
          callerNumber: CALLER_NUMBER,
          calleeNumber: '+15550199',
          connectorId,
          transport: options.transport ?? Transport.TRANSPORT_SIP,
          gatewayId,
          carrierCallId: `carrier-${callId}`,
          capabilities: options.capabilities,
        }),
        protoCodec(StartCallResponse),
        { timeoutMs: 10_000 },
      ),
    callerHungUp: (callId) =>
      signal(
        callId,
        { $case: 'partyHungUp', value: { party: Party.PARTY_CALLER } },
        `hangup:${callId}`,
      ),
    actionsFor: (callId) =>
      instructions.filter((i) => i.callId === callId).map((i) => i.action?.$case ?? 'none'),
    stop: () => responder.stop(), // called only after the responder below exists
  };
  const reportCallee = (callId: string, calleeLegId: string) => async () => {
    await signal(callId, { $case: 'calleeRinging', value: { calleeLegId } }, `ring:${calleeLegId}`);
    await signal(
      callId,
      { $case: 'calleeAnswered', value: { calleeLegId } },
      `answer:${calleeLegId}`,
    );
  };
  const responder: Responder = serve(
    bus,
    'gw.call.*', // every call's instructions (`subjects.gatewayInstruction`); no wildcard constant exists
    {
      requestCodec: protoCodec(GatewayInstruction),
      responseCodec: protoCodec(GatewayInstructionResult),
    },
    async (instruction) => {
      instructions.push(instruction);
      await participant.beforeReply?.(instruction);
      const { action, callId } = instruction;
      if (action?.$case === 'placeCallee') {
        const report = reportCallee(callId, action.value.calleeLegId);
        // after the reply, as a carrier reports the callee leg's progress
        setImmediate(() => void calleeAnswers.perform(instruction, report));
      }
      return {
        instructionId: instruction.instructionId,
        ok: true,
        errorCode: '',
        errorMessage: '',
      };
    },
  );
  await bus.nc.flush();
  return participant;
};
