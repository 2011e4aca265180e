import { randomUUID } from 'node:crypto';
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
  PlaybackControl,
  StartCallRequest,
  StartCallResponse,
  Transport,
  subjects,
} from '@warmline/contracts';
import { FRAME_MS, pcmToBytes, samplesPerFrame } from '@warmline/audio';

/** How the fake gateway's callee leg behaves once placed. */
export type CalleeBehaviour =
  /** Rings, then answers. */
  | 'answer'
  /** Rings, then CalleeFailed(CALLEE_BUSY, 486). */
  | 'busy'
  /** Rings and never answers (the ring timer decides). */
  | 'noAnswer'
  /** Refuses the PlaceCalleeLeg instruction itself. */
  | 'refuse';

/** How the fake gateway answers one call's instructions. */
export interface GatewayBehaviour {
  readonly answer: 'ok' | 'fail';
  readonly callee: CalleeBehaviour;
}

type SignalPayload = NonNullable<GatewaySignal['payload']>;

const signalCodec = protoCodec(GatewaySignal);
const frameCodec = protoCodec(AudioFrame);

/**
 * A test participant that follows the gateway's contract on the bus: it starts calls
 * (`cmd.call-control.start`), answers `gw.call.<callId>` instructions and records them,
 * reports callee-leg facts on `sig.gateway.<callId>` (JetStream), injects caller audio on
 * `media.<callId>.in` and captures agent audio and playback control.
 */
export class FakeGateway {
  readonly instructions: GatewayInstruction[] = [];
  private readonly behaviours = new Map<string, GatewayBehaviour>();
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly bus: Bus,
    private defaults: GatewayBehaviour,
    private readonly responder: Responder,
    readonly gatewayId: string,
  ) {}

  /** Starts answering instructions for every call. */
  static async start(
    bus: Bus,
    defaults: GatewayBehaviour = { answer: 'ok', callee: 'answer' },
  ): Promise<FakeGateway> {
    const holder: { gateway?: FakeGateway } = {};
    const responder = serve(
      bus,
      'gw.call.*',
      {
        requestCodec: protoCodec(GatewayInstruction),
        responseCodec: protoCodec(GatewayInstructionResult),
      },
      (instruction) => {
        if (!holder.gateway) throw new Error('fake gateway not ready');
        return holder.gateway.onInstruction(instruction);
      },
    );
    const gateway = new FakeGateway(bus, defaults, responder, `gw-${randomUUID().slice(0, 8)}`);
    holder.gateway = gateway;
    await bus.nc.flush();
    return gateway;
  }

  /** Changes how later instructions for one call (or, without a call id, every call) are answered. */
  behave(behaviour: Partial<GatewayBehaviour>, callId?: string): void {
    if (callId === undefined) this.defaults = { ...this.defaults, ...behaviour };
    else this.behaviours.set(callId, { ...this.behaviourFor(callId), ...behaviour });
  }

  /** The instructions one call received, as `$case` names in order. */
  actionsFor(callId: string): string[] {
    return this.instructions
      .filter((instruction) => instruction.callId === callId)
      .map((instruction) => instruction.action?.$case ?? 'none');
  }

  /** Announces a new caller to call-control, as a gateway does. */
  startCall(callId: string, fields: Partial<StartCallRequest> = {}): Promise<StartCallResponse> {
    const startRequest = StartCallRequest.fromPartial({
      callId,
      callerNumber: '+6590000001',
      calleeNumber: '+6560000002',
      connectorId: 'connector-1',
      transport: Transport.TRANSPORT_SIP,
      gatewayId: this.gatewayId,
      carrierCallId: `carrier-${callId}`,
      ...fields,
    });
    return request(
      this.bus,
      subjects.startCall,
      protoCodec(StartCallRequest),
      startRequest,
      protoCodec(StartCallResponse),
      { timeoutMs: 10_000 },
    );
  }

  /** Reports a fact about a call's legs on its JetStream signal subject. */
  async signal(callId: string, payload: SignalPayload, signalId = randomUUID()): Promise<void> {
    const signal: GatewaySignal = { signalId, callId, occurredAtMs: Date.now(), payload };
    await publishToStream(this.bus, subjects.gatewaySignals(callId), signalCodec, signal, {
      msgId: signalId,
    });
  }

  /** Sends caller audio as 20 ms frames (at the given rate) on `media.<callId>.in`. */
  sendCallerAudio(callId: string, samples: Int16Array, rate = 16_000): void {
    const frame = samplesPerFrame(rate === 8000 ? 8000 : rate === 24_000 ? 24_000 : 16_000);
    for (let sequence = 0; sequence * frame < samples.length; sequence += 1) {
      const pcm = pcmToBytes(samples.subarray(sequence * frame, (sequence + 1) * frame));
      publish(this.bus, subjects.mediaIn(callId), frameCodec, {
        callId,
        sampleRate: rate,
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

  /** Collects the playback control messages published for a call. */
  captureControl(callId: string): { readonly messages: PlaybackControl[]; stop(): void } {
    const messages: PlaybackControl[] = [];
    const listener = onMessage(
      this.bus,
      subjects.mediaControl(callId),
      protoCodec(PlaybackControl),
      (d) => messages.push(d.value),
    );
    return { messages, stop: () => listener.unsubscribe() };
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await this.responder.stop();
  }

  private behaviourFor(callId: string): GatewayBehaviour {
    return this.behaviours.get(callId) ?? this.defaults;
  }

  private onInstruction(instruction: GatewayInstruction): GatewayInstructionResult {
    this.instructions.push(instruction);
    const { instructionId, callId, action } = instruction;
    const ok = { instructionId, ok: true, errorCode: '', errorMessage: '' };
    const behaviour = this.behaviourFor(callId);
    if (action?.$case === 'answer' && behaviour.answer === 'fail') {
      return { instructionId, ok: false, errorCode: 'MEDIA_UNAVAILABLE', errorMessage: 'no port' };
    }
    if (action?.$case === 'placeCallee') {
      if (behaviour.callee === 'refuse') {
        return {
          instructionId,
          ok: false,
          errorCode: 'CALLEE_UNREACHABLE',
          errorMessage: 'no route',
        };
      }
      this.playCallee(callId, action.value.calleeLegId, behaviour.callee);
    }
    return ok;
  }

  /** After the reply: the callee's phone rings, then it answers, is busy, or keeps ringing. */
  private playCallee(callId: string, calleeLegId: string, behaviour: CalleeBehaviour): void {
    const later = (ms: number, step: () => Promise<void>) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void step();
      }, ms);
      this.timers.add(timer);
    };
    later(10, () => this.signal(callId, { $case: 'calleeRinging', value: { calleeLegId } }));
    if (behaviour === 'answer') {
      later(60, () => this.signal(callId, { $case: 'calleeAnswered', value: { calleeLegId } }));
    }
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
