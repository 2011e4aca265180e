import type { AudioFrame, GatewayInstruction, GatewayInstructionResult } from '@warmline/contracts';
import { pcmFromBytes } from '@warmline/audio';
import { WarmlineAttributes } from '@warmline/telemetry';
import type { Logger } from '@warmline/telemetry';
import { CallMediaSession } from '../media/callMediaSession';
import type { CallActions } from './callActions';
import type { CallDeps, CallOrigin, StreamLeg } from './callTypes';
import type { CalleeLegPlan, CalleeLegState } from './carrierLegControl';
import { executeInstruction } from './executeInstruction';
import type { Closable } from './gatewayBus';
import { callerAudioFrame, CALLER_BUS_RATE } from './callerAudioFrame';
import { type CallEnding, endings } from './callEnding';
import { type SignalPayload, facts } from './signals';
import { calleeProgressSignal, type CalleeUpdate } from './calleeUpdate';
import { SignalReporter } from './signalReporter';
import { startCallRequest } from './startCallRequest';
import { TransferState } from './transferState';

const DTMF_DIGIT = /^[0-9*#A-D]$/;

/** How long a caller whose transfer failed may take to come back on a new stream. */
const RESUME_DEADLINE_MS = 30_000;

/**
 * One caller's call held by this gateway: announced to call-control as a
 * PENDING call, its media session fed by the carrier stream and the bus, its
 * instructions answered, its leg facts reported as GatewaySignals. It ends on
 * the carrier's `stop` (caller hung up), a lost or misbehaving stream, or a
 * hangup instruction; ending closes every socket, timer and subscription.
 */
export class CarrierCall implements CallActions {
  readonly callId: string;
  readonly route: CallOrigin['route'];
  readonly control: CallOrigin['control'];
  private readonly session: CallMediaSession;
  private readonly log: Logger;
  private readonly subscriptions: Closable[] = [];
  private readonly signals: SignalReporter;
  private readonly transfer = new TransferState();
  private stream: StreamLeg | undefined;
  private answered = false;
  private agentRemoved = false;
  private ending: CallEnding | undefined;
  private accepted: Promise<boolean> = Promise.resolve(false);
  private finished: Promise<void> | undefined;

  constructor(
    private readonly deps: CallDeps,
    readonly origin: CallOrigin,
    private readonly onEnded: (call: CarrierCall) => void,
  ) {
    this.callId = origin.callId;
    this.route = origin.route;
    this.control = origin.control;
    this.log = deps.logger.child({
      [WarmlineAttributes.CALL_ID]: origin.callId,
      carrier: origin.carrier,
    });
    this.signals = new SignalReporter(origin.callId, deps.bus, () => this.accepted, this.log);
    this.session = new CallMediaSession(
      {
        busRate: CALLER_BUS_RATE,
        jitterDepthMs: deps.media.jitterDepthMs,
        firstSequence: 1, // Twilio and Telnyx number media chunks from 1
        markEveryFrames: deps.media.markEveryFrames,
        pacers: deps.media.pacers,
        clock: deps.media.clock,
      },
      {
        callerFrame: (pcm, sequence, timestampMs) =>
          deps.bus.publishCallerFrame(callerAudioFrame(this.callId, pcm, sequence, timestampMs)),
        playback: (report) => deps.bus.publishProgress({ callId: this.callId, ...report }),
        outboundFrame: (latenessMs) => deps.observer?.outboundFrame?.(latenessMs),
      },
    );
  }

  get ended(): boolean {
    return this.ending !== undefined;
  }

  get calleeLeg(): CalleeLegState | undefined {
    return this.transfer.leg;
  }

  /** Resolves once the call's teardown (signal, unsubscribes) is complete. */
  get done(): Promise<void> {
    return this.finished ?? Promise.resolve();
  }

  /**
   * Subscribes to the call's subjects, then announces the call to call-control
   * (StartCallRequest). Resolves false when call-control refused it or could
   * not be reached; the call has then ended.
   */
  async begin(stream: StreamLeg): Promise<boolean> {
    this.attach(stream);
    const { bus } = this.deps;
    this.subscriptions.push(
      bus.serveInstructions(this.callId, (instruction) => this.instruct(instruction)),
      bus.onAgentAudio(this.callId, (frame) => this.agentAudio(frame)),
      bus.onPlaybackControl(this.callId, (control) => {
        if (control.action?.$case === 'clear') this.session.clear();
      }),
    );
    this.accepted = this.announce();
    return this.accepted;
  }

  /** Attaches a (new) carrier stream to the call. */
  attach(stream: StreamLeg): void {
    this.stream = stream;
    this.session.attach(stream.transport);
  }

  /** Caller audio decoded from the stream. */
  callerAudio(chunk: number, samples: Int16Array): void {
    if (!this.answered || this.agentRemoved || this.ended) return;
    this.session.callerAudio(chunk, samples);
  }

  /** The carrier echoed a playback mark. */
  markPlayed(name: string): void {
    this.session.markPlayed(name);
  }

  /** The caller pressed a key. */
  dtmf(digit: string): void {
    if (this.ended) return;
    if (!DTMF_DIGIT.test(digit)) {
      this.log.warn({ digitLength: digit.length }, 'carrier sent a DTMF event that is not a digit');
      return;
    }
    this.report(facts.dtmf(digit));
  }

  /** The carrier ended the stream (`stop`): the caller hung up, unless a transfer took the stream away. */
  streamStopped(stream: StreamLeg): void {
    if (stream !== this.stream || this.ended) return;
    if (this.transfer.resumeToken !== undefined && this.control.transferEndsStream) {
      this.log.info('stream ended for a carrier transfer');
      this.stream = undefined;
      this.session.detach();
      return;
    }
    this.end(endings.callerHungUp());
  }

  /** The stream's socket closed without `stop`. */
  streamLost(stream: StreamLeg, detail: string): void {
    if (stream !== this.stream || this.ended) return;
    this.end(endings.mediaLost(detail));
  }

  /** The stream broke the carrier's protocol; the call ends as media lost with the reason. */
  streamFailed(stream: StreamLeg, detail: string, closeCode: number): void {
    if (stream !== this.stream || this.ended) return;
    this.end(endings.protocolError(detail, closeCode));
  }

  /** The gateway is shutting down. */
  shutdown(): void {
    this.end(endings.shutdown());
  }

  /** A status callback about the callee leg. */
  calleeUpdate(update: CalleeUpdate): void {
    if (this.ended || !this.transfer.update(update)) return;
    const fact = calleeProgressSignal(update);
    if (fact) this.report(fact);
    if (update.progress.kind === 'failed' && !this.stream) this.awaitReturn();
  }

  /** The token a returning stream must present, while one may return. */
  resumeToken(): string | undefined {
    return this.ended ? undefined : this.transfer.resumeToken;
  }

  /** A stream came back after a transfer (its token checked): it replaces the media leg; the token is spent. */
  resumed(stream: StreamLeg): void {
    this.transfer.resumed();
    this.attach(stream);
  }

  answer(): void {
    this.answered = true;
  }

  removeAgent(): void {
    this.agentRemoved = true;
    this.session.clear();
  }

  beginTransfer(plan: Omit<CalleeLegPlan, 'resumeToken'>): CalleeLegPlan {
    return { ...plan, resumeToken: this.transfer.begin(plan.calleeLegId) };
  }

  endTransfer(calleeLegId: string): void {
    this.transfer.end(calleeLegId, this.stream !== undefined);
  }

  hangup(detail: string): void {
    this.end(endings.hangup(detail));
  }

  /** The callee leg failed after the caller's stream left: wait for it to come back, or end the call. */
  private awaitReturn(): void {
    const lost = (detail: string) => this.end(endings.mediaLost(detail));
    if (!this.control.resumesAfterTransfer) {
      lost('the stream ended for a transfer that failed');
      return;
    }
    this.transfer.awaitReturn(RESUME_DEADLINE_MS, () =>
      lost('the caller did not come back after a failed transfer'),
    );
  }

  private instruct(instruction: GatewayInstruction): Promise<GatewayInstructionResult> {
    this.log.debug({ instruction: instruction.action?.$case }, 'instruction');
    return executeInstruction(this, instruction, this.log);
  }

  private agentAudio(frame: AudioFrame): void {
    if (!this.answered || this.agentRemoved || this.ended) return;
    try {
      this.session.agentAudio(
        pcmFromBytes(frame.pcm),
        frame.sampleRate,
        frame.utteranceId,
        frame.endOfUtterance,
      );
    } catch (error) {
      this.log.warn({ err: error }, 'agent audio frame refused');
    }
  }

  private async announce(): Promise<boolean> {
    try {
      const response = await this.deps.bus.startCall(
        startCallRequest(this.origin, this.deps.gatewayId),
      );
      if (response.accepted) {
        this.log.info({ handler: response.handler }, 'call started');
        return true;
      }
      this.log.warn(
        { code: response.errorCode, reason: response.errorMessage },
        'call-control refused the call',
      );
      this.end(endings.notStarted('refused by call-control'));
      return false;
    } catch (error) {
      this.log.error({ err: error }, 'call-control did not take the call');
      this.end(endings.notStarted('call-control unavailable'));
      return false;
    }
  }

  /** Reports a leg fact once call-control knows the call. */
  private report(fact: SignalPayload): void {
    this.signals.report(fact);
  }

  private end(ending: CallEnding): void {
    if (this.ending) return;
    this.ending = ending;
    this.transfer.clearDeadline();
    this.log.info({ detail: ending.detail, closeCode: ending.closeCode }, 'call ended here');
    this.session.close();
    this.stream?.close(ending.closeCode, ending.closeReason);
    this.stream = undefined;
    if (ending.fact) this.report(ending.fact);
    this.onEnded(this);
    this.finished = (async () => {
      await Promise.allSettled(this.subscriptions.map((s) => s.close()));
      await this.signals.settled();
    })();
  }
}
