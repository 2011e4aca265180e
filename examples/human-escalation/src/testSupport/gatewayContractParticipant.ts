import { randomUUID } from 'node:crypto';
import {
  FRAME_MS,
  isVoiceEnergy,
  pcmFromBytes,
  pcmToBytes,
  samplesPerFrame,
} from '@warmline/audio';
import {
  type Bus,
  type Responder,
  onMessage,
  protoCodec,
  publish,
  publishToStream,
  request,
  serve,
} from '@warmline/bus';
import {
  AudioFrame,
  GatewayInstruction,
  GatewayInstructionResult,
  GatewaySignal,
  StartCallRequest,
  StartCallResponse,
  Transport,
  subjects,
} from '@warmline/contracts';

/** What the participant saw, in order: call-control's instructions and the agent's audio frames. */
export type GatewayTimelineEntry =
  | { readonly kind: 'instruction'; readonly callId: string; readonly action: string }
  | { readonly kind: 'agentAudio'; readonly callId: string; readonly loud: boolean };

/** The caller number every call of this participant has. */
export const CALLER_NUMBER = '+6590000001';

const frameCodec = protoCodec(AudioFrame);

/**
 * A gateway contract participant on the bus, following the gateway's contract with call-control
 * (copied down from `@warmline/sdk`'s test GatewayParticipant, which is not exported): it starts
 * calls (`cmd.call-control.start`), answers `gw.call.<callId>` instructions (the callee always
 * answers), reports callee-leg facts and hang-ups on `sig.gateway.<callId>`, injects caller audio
 * on `media.<callId>.in` and records agent audio from `media.<callId>.out`.
 */
export class GatewayContractParticipant {
  /** Instructions and agent audio in the order they arrived. */
  readonly timeline: GatewayTimelineEntry[] = [];
  readonly gatewayId = `gw-${randomUUID().slice(0, 8)}`;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sequences = new Map<string, number>();
  private readonly listeners: { unsubscribe(): void }[] = [];
  private responder: Responder | undefined;

  private constructor(private readonly bus: Bus) {}

  /** Starts answering instructions for every call. */
  static async start(bus: Bus): Promise<GatewayContractParticipant> {
    const gateway = new GatewayContractParticipant(bus);
    gateway.responder = serve(
      bus,
      'gw.call.*',
      {
        requestCodec: protoCodec(GatewayInstruction),
        responseCodec: protoCodec(GatewayInstructionResult),
      },
      (instruction) => gateway.onInstruction(instruction),
    );
    await bus.nc.flush();
    return gateway;
  }

  /** Announces a new caller to call-control and records the agent audio of the call. */
  async startCall(callId: string, connectorId: string): Promise<StartCallResponse> {
    this.listeners.push(
      onMessage(this.bus, subjects.mediaOut(callId), frameCodec, ({ value }) => {
        const loud = isVoiceEnergy(pcmFromBytes(value.pcm), -40);
        this.timeline.push({ kind: 'agentAudio', callId, loud });
      }),
    );
    await this.bus.nc.flush();
    const start = StartCallRequest.fromPartial({
      callId,
      callerNumber: CALLER_NUMBER,
      calleeNumber: '+6560000002',
      connectorId,
      transport: Transport.TRANSPORT_SIP,
      gatewayId: this.gatewayId,
      carrierCallId: `carrier-${callId}`,
    });
    return request(
      this.bus,
      subjects.startCall,
      protoCodec(StartCallRequest),
      start,
      protoCodec(StartCallResponse),
      { timeoutMs: 10_000 },
    );
  }

  /** The caller hangs up. */
  hangUp(callId: string): Promise<void> {
    return this.signal(callId, { $case: 'partyHungUp', value: { party: 1 } });
  }

  /** Sends caller audio as 20 ms frames at 16 kHz (as fast as the bus takes them). */
  sendCallerAudio(callId: string, samples: Int16Array): void {
    const frame = samplesPerFrame(16_000);
    let sequence = this.sequences.get(callId) ?? 0;
    for (let at = 0; at < samples.length; at += frame) {
      const pcm = new Int16Array(frame);
      pcm.set(samples.subarray(at, at + frame));
      publish(this.bus, subjects.mediaIn(callId), frameCodec, {
        callId,
        sampleRate: 16_000,
        sequence,
        timestampMs: sequence * FRAME_MS,
        pcm: Buffer.from(pcmToBytes(pcm)),
        utteranceId: '',
        endOfUtterance: false,
        ingressAtMs: Date.now(),
      });
      sequence += 1;
    }
    this.sequences.set(callId, sequence);
  }

  /** The instructions call-control sent for a call, by action name, in order. */
  actions(callId: string): string[] {
    return this.timeline.flatMap((entry) =>
      entry.kind === 'instruction' && entry.callId === callId ? [entry.action] : [],
    );
  }

  /** Stops answering and recording. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const listener of this.listeners) listener.unsubscribe();
    await this.responder?.stop();
  }

  private async signal(
    callId: string,
    payload: NonNullable<GatewaySignal['payload']>,
  ): Promise<void> {
    const signalId = randomUUID();
    const signal: GatewaySignal = { signalId, callId, occurredAtMs: Date.now(), payload };
    await publishToStream(
      this.bus,
      subjects.gatewaySignals(callId),
      protoCodec(GatewaySignal),
      signal,
      { msgId: signalId },
    );
  }

  private onInstruction(instruction: GatewayInstruction): GatewayInstructionResult {
    const { instructionId, callId, action } = instruction;
    this.timeline.push({ kind: 'instruction', callId, action: action?.$case ?? 'none' });
    if (action?.$case === 'placeCallee') this.answerCallee(callId, action.value.calleeLegId);
    return { instructionId, ok: true, errorCode: '', errorMessage: '' };
  }

  private answerCallee(callId: string, calleeLegId: string): void {
    const later = (ms: number, step: () => Promise<void>) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void step();
      }, ms);
      this.timers.add(timer);
    };
    later(10, () => this.signal(callId, { $case: 'calleeRinging', value: { calleeLegId } }));
    later(60, () => this.signal(callId, { $case: 'calleeAnswered', value: { calleeLegId } }));
  }
}
