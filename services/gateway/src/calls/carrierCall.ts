import { WarmlineAttributes } from '@warmline/telemetry';
import type { Logger } from '@warmline/telemetry';
import type { CallMediaSession } from '../media/callMediaSession';
import type { CallActions } from './callActions';
import { CallCore, isDtmfDigit } from './callCore';
import type { CallDeps, CallOrigin, StreamLeg } from './callTypes';
import type { CalleeLegPlan, CalleeLegState } from './carrierLegControl';
import { executeInstruction } from './executeInstruction';
import { type CallEnding, endings } from './callEnding';
import { type SignalPayload, facts } from './signals';
import { calleeProgressSignal, type CalleeUpdate } from './calleeUpdate';
import { startCallRequest } from './startCallRequest';
import { TransferState } from './transferState';

/** How long a caller whose transfer failed may take to come back on a new stream. */
const RESUME_DEADLINE_MS = 30_000;

/**
 * One caller's call held by this gateway: announced to call-control as a
 * PENDING call, its media session fed by the carrier stream and the bus, its
 * instructions answered, its leg facts reported as GatewaySignals. It ends on
 * the carrier's `stop` (caller hung up), a lost or misbehaving stream, or a
 * hangup instruction; ending closes every socket, timer and subscription.
 * The bus side (session, subscriptions, StartCallRequest, signals) is the
 * transport-neutral {@link CallCore}, shared with SIP calls.
 */
export class CarrierCall implements CallActions {
  readonly callId: string;
  readonly route: CallOrigin['route'];
  readonly control: CallOrigin['control'];
  private readonly core: CallCore;
  private readonly session: CallMediaSession;
  private readonly log: Logger;
  private readonly transfer = new TransferState();
  private stream: StreamLeg | undefined;
  private answered = false;
  private agentRemoved = false;
  private ending: CallEnding | undefined;
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
    this.core = new CallCore(
      deps,
      origin.callId,
      this.log,
      { firstSequence: 1 }, // Twilio and Telnyx number media chunks from 1
      {
        instruct: (instruction) => executeInstruction(this, instruction, this.log),
        agentAudioOpen: () => this.answered && !this.agentRemoved && !this.ended,
        notStarted: (reason) => this.end(endings.notStarted(reason)),
      },
    );
    this.session = this.core.session;
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
    this.core.subscribe();
    return this.core.announce(startCallRequest(this.origin, this.deps.gatewayId));
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
    if (!isDtmfDigit(digit)) {
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

  /** Reports a leg fact once call-control knows the call. */
  private report(fact: SignalPayload): void {
    this.core.report(fact);
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
    this.finished = this.core.close();
  }
}
