import { randomUUID } from 'node:crypto';
import { FRAME_MS, pcmToBytes, samplesPerFrame } from '@warmline/audio';
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

/** How the callee leg placed by connect() behaves. */
export type CalleeBehaviour = 'answer' | 'noAnswer' | 'busy';

const frameCodec = protoCodec(AudioFrame);

/**
 * A gateway test participant on the bus, following the gateway's contract with call-control
 * (as call-control's own tests do): it starts calls (`cmd.call-control.start`), answers
 * `gw.call.<callId>` instructions, reports callee-leg facts on `sig.gateway.<callId>`, injects
 * caller audio on `media.<callId>.in` and captures agent audio from `media.<callId>.out`.
 */
export class GatewayParticipant {
  readonly actions: { callId: string; action: string }[] = [];
  callee: CalleeBehaviour = 'answer';
  private readonly timers = new Set<NodeJS.Timeout>();
  private responder: Responder | undefined;
  readonly gatewayId = `gw-${randomUUID().slice(0, 8)}`;

  private constructor(private readonly bus: Bus) {}

  /** Starts answering instructions for every call. */
  static async start(bus: Bus): Promise<GatewayParticipant> {
    const gateway = new GatewayParticipant(bus);
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

  /** Announces a new caller to call-control. */
  startCall(callId: string, connectorId: string): Promise<StartCallResponse> {
    const start = StartCallRequest.fromPartial({
      callId,
      callerNumber: '+6590000001',
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
      {
        timeoutMs: 10_000,
      },
    );
  }

  /** The caller hangs up. */
  hangUp(callId: string): Promise<void> {
    return this.signal(callId, { $case: 'partyHungUp', value: { party: 1 } });
  }

  /** Sends caller audio as 20 ms frames at 16 kHz. */
  sendCallerAudio(callId: string, samples: Int16Array): void {
    const frame = samplesPerFrame(16_000);
    for (let sequence = 0; sequence * frame < samples.length; sequence += 1) {
      const pcm = pcmToBytes(samples.subarray(sequence * frame, (sequence + 1) * frame));
      publish(this.bus, subjects.mediaIn(callId), frameCodec, {
        callId,
        sampleRate: 16_000,
        sequence,
        timestampMs: sequence * FRAME_MS,
        pcm: Buffer.from(pcm),
        utteranceId: '',
        endOfUtterance: false,
        ingressAtMs: Date.now(),
      });
    }
  }

  /** Collects the agent audio frames published for a call. */
  captureAgentAudio(callId: string): { readonly frames: AudioFrame[]; stop(): void } {
    const frames: AudioFrame[] = [];
    const listener = onMessage(this.bus, subjects.mediaOut(callId), frameCodec, (d) =>
      frames.push(d.value),
    );
    return { frames, stop: () => listener.unsubscribe() };
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
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
    this.actions.push({ callId, action: action?.$case ?? 'none' });
    if (action?.$case === 'placeCallee') this.playCallee(callId, action.value.calleeLegId);
    return { instructionId, ok: true, errorCode: '', errorMessage: '' };
  }

  private playCallee(callId: string, calleeLegId: string): void {
    const later = (ms: number, step: () => Promise<void>) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void step();
      }, ms);
      this.timers.add(timer);
    };
    const behaviour = this.callee;
    later(10, () => this.signal(callId, { $case: 'calleeRinging', value: { calleeLegId } }));
    if (behaviour === 'answer')
      later(60, () => this.signal(callId, { $case: 'calleeAnswered', value: { calleeLegId } }));
    if (behaviour === 'busy') {
      const value = {
        calleeLegId,
        errorCode: 'CALLEE_BUSY',
        carrierStatus: 486,
        detail: 'busy here',
      };
      later(60, () => this.signal(callId, { $case: 'calleeFailed', value }));
    }
  }
}
