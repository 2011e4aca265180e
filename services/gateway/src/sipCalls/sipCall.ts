import { Transport } from '@warmline/contracts';
import type { MixMode } from '@warmline/audio';
import { type Logger, WarmlineAttributes } from '@warmline/telemetry';
import { CallCore, isDtmfDigit } from '../calls/callCore';
import type { CallDeps } from '../calls/callTypes';
import { type SignalPayload, facts } from '../calls/signals';
import { sipCapabilities } from '../calls/transportCapabilities';
import type { CallMediaSession } from '../media/callMediaSession';
import { type CalleeFailure, CalleeLeg, type CalleeLegPlan } from './calleeLeg';
import type { CallerLeg } from './callerLeg';
import type { RtpLeg } from './rtpLeg';
import { localMediaConfig } from './sdpConfig';
import type { SipRoute } from './sipSettings';
import type { SipStack } from './sipStack';
import { executeSipInstruction } from './sipInstructions';
import { ThreePartyBridge } from './threePartyBridge';

/** Where a SIP call came from. */
export interface SipCallOrigin {
  readonly callId: string;
  readonly route: SipRoute;
  readonly callerNumber: string;
  readonly calleeNumber: string;
  /** The SIP Call-ID of the caller's INVITE. */
  readonly sipCallId: string;
}

/** How a SIP call ends: the fact to report, and what each leg gets. */
interface SipEnding {
  readonly fact?: SignalPayload;
  readonly detail: string;
  /** Final response for a caller INVITE not yet answered. */
  readonly callerStatus: number;
  /** The caller already left (BYE/CANCEL received): send it nothing. */
  readonly callerGone?: boolean;
  /** The callee already left. */
  readonly calleeGone?: boolean;
}

/** The callee leg being placed or bridged. */
export interface PlacedCallee {
  readonly calleeLegId: string;
  readonly leg: CalleeLeg;
  readonly rtp: RtpLeg;
}

/**
 * One SIP caller held by this gateway (a back-to-back user agent): the caller's INVITE is a
 * PENDING call at call-control (180 while it is), answered with 200 on `answer`; caller RTP
 * feeds the same {@link CallMediaSession} as carrier streams. `connect()` places a callee leg
 * (INVITE to a configured destination) and, once it answers, a {@link ThreePartyBridge} mixes
 * caller, callee and agent by mode; `close()` leaves caller and callee bridged. The bus side
 * (session, subscriptions, StartCallRequest, signals) is the transport-neutral {@link CallCore},
 * shared with carrier streams.
 */
export class SipCall {
  readonly callId: string;
  private readonly log: Logger;
  private readonly core: CallCore;
  private readonly session: CallMediaSession;
  private caller: CallerLeg | undefined;
  private callee: PlacedCallee | undefined;
  private bridge: ThreePartyBridge | undefined;
  private mode: MixMode = 'barge';
  private answeredValue = false;
  private agentRemoved = false;
  private ending: SipEnding | undefined;
  private finished: Promise<void> | undefined;
  private agentSequence = 0;

  constructor(
    private readonly stack: SipStack,
    private readonly deps: CallDeps,
    readonly origin: SipCallOrigin,
    private readonly callerRtp: RtpLeg,
    private readonly onEnded: (call: SipCall) => void,
  ) {
    this.callId = origin.callId;
    this.log = deps.logger.child({ [WarmlineAttributes.CALL_ID]: origin.callId, transport: 'sip' });
    this.core = new CallCore(
      deps,
      origin.callId,
      this.log,
      { sequenceModulus: Infinity }, // RtpLeg passes extended sequence numbers: they never wrap
      {
        instruct: (instruction) =>
          executeSipInstruction(this, instruction, this.log, stack.settings.contextUrlBase),
        agentAudioOpen: () => this.answeredValue && !this.agentRemoved && !this.ended,
        notStarted: (reason) =>
          this.end({
            detail: reason,
            callerStatus: reason === 'refused by call-control' ? 603 : 503,
          }),
      },
    );
    this.session = this.core.session;
  }

  get ended(): boolean {
    return this.ending !== undefined;
  }

  get answered(): boolean {
    return this.answeredValue;
  }

  get route(): SipRoute {
    return this.origin.route;
  }

  get calleeLegId(): string | undefined {
    return this.callee?.calleeLegId;
  }

  get calleeAnswered(): boolean {
    return this.callee?.leg.answered ?? false;
  }

  get done(): Promise<void> {
    return this.finished ?? Promise.resolve();
  }

  /** Subscribes to the call's subjects, rings the caller (180) and announces the call. */
  begin(caller: CallerLeg): Promise<boolean> {
    this.caller = caller;
    this.core.subscribe();
    caller.ringing();
    return this.core.announce({
      callId: this.callId,
      callerNumber: this.origin.callerNumber,
      calleeNumber: this.origin.calleeNumber,
      connectorId: this.route.connectorId,
      transport: Transport.TRANSPORT_SIP,
      gatewayId: this.deps.gatewayId,
      carrierCallId: this.origin.sipCallId,
      customParameters: {},
      capabilities: sipCapabilities(),
    });
  }

  // ---- caller leg events ----

  /** Caller RTP audio (8 kHz). */
  callerAudio(sequence: number, samples: Int16Array): void {
    if (!this.answeredValue || this.ended) return;
    if (this.bridge) this.bridge.callerAudio(samples);
    else if (!this.agentRemoved) this.session.callerAudio(sequence, samples);
  }

  dtmf(digit: string, durationMs: number): void {
    if (this.ended || !this.answeredValue) return;
    if (!isDtmfDigit(digit)) return;
    this.core.report(facts.dtmf(digit, durationMs));
  }

  callerHungUp(): void {
    this.end({
      fact: facts.callerHungUp(),
      detail: 'caller hung up',
      callerStatus: 487,
      callerGone: true,
    });
  }

  /** CANCEL for the caller's INVITE (the leg answers 487). */
  callerCancelled(): void {
    this.end({ fact: facts.callerHungUp(), detail: 'caller cancelled', callerStatus: 487 });
  }

  callerLost(detail: string): void {
    this.end({ fact: facts.mediaLost(detail), detail, callerStatus: 500, callerGone: true });
  }

  shutdown(): void {
    this.end({
      fact: facts.mediaLost('gateway shutting down'),
      detail: 'shutdown',
      callerStatus: 503,
    });
  }

  // ---- instructions ----

  answer(): void {
    if (this.answeredValue || !this.caller) return;
    this.caller.answer();
    this.answeredValue = true;
    if (!this.bridge) this.session.attach(this.callerRtp);
  }

  hangup(detail: string): void {
    this.end({ detail, callerStatus: 480 });
  }

  /** Starts ringing a callee (the destination is already checked against the allowlist). */
  async placeCallee(calleeLegId: string, plan: Omit<CalleeLegPlan, 'fromUser'>): Promise<void> {
    const rtp = await this.stack.openRtp({
      audio: (_seq, samples) => this.bridge?.calleeAudio(samples),
      dtmf: () => undefined,
      unexpectedSource: (from) =>
        this.log.warn(
          { from: from.address, port: from.port },
          'callee RTP from an unexpected address dropped',
        ),
    });
    if (this.ended) {
      rtp.close();
      return;
    }
    const media = localMediaConfig(this.stack.settings.publicAddress, rtp.port);
    const leg = new CalleeLeg(
      this.stack,
      rtp,
      media,
      {
        ...plan,
        fromUser: this.route.transferCallerId ?? (this.origin.callerNumber || 'warmline'),
      },
      {
        ringing: () =>
          this.calleeEvent(calleeLegId, () => this.core.report(facts.calleeRinging(calleeLegId))),
        answered: () => this.calleeEvent(calleeLegId, () => this.calleeAnswered_(calleeLegId)),
        failed: (failure) =>
          this.calleeEvent(calleeLegId, () => this.calleeFailed(calleeLegId, failure)),
        hungUp: () => this.calleeEvent(calleeLegId, () => this.calleeHungUp()),
      },
    );
    this.callee = { calleeLegId, leg, rtp };
    leg.start();
  }

  /** Stops ringing or drops the callee leg. */
  cancelCallee(calleeLegId: string): void {
    const callee = this.callee;
    if (!callee || callee.calleeLegId !== calleeLegId) return;
    callee.leg.hangUp();
    if (!callee.leg.answered) return; // the 487 reports CALL_UNANSWERED
    this.dropCallee();
  }

  setMixMode(mode: MixMode): void {
    this.mode = mode;
    this.bridge?.setMode(mode);
  }

  /** The agent leaves: with a callee bridged, caller and callee stay connected. */
  removeAgent(): void {
    this.agentRemoved = true;
    if (this.bridge) {
      this.bridge.setMode('bridge');
      this.session.detach();
    } else this.session.clear();
  }

  private calleeEvent(calleeLegId: string, then: () => void): void {
    if (this.ended || this.callee?.calleeLegId !== calleeLegId) return;
    then();
  }

  private calleeAnswered_(calleeLegId: string): void {
    const callee = this.callee;
    if (!callee) return;
    if (!this.answeredValue) this.answer(); // a pre-answer connect answers the caller too
    const bridge = new ThreePartyBridge(
      this.deps.media.clock,
      this.callerRtp,
      callee.rtp,
      (samples) => this.session.callerAudio(this.agentSequence++, samples),
      this.agentRemoved ? 'bridge' : this.mode,
    );
    this.bridge = bridge;
    this.session.attach(bridge.agentTransport);
    bridge.start();
    this.log.info('callee answered: 3-party bridge up');
    this.core.report(facts.calleeAnswered(calleeLegId));
  }

  private calleeFailed(calleeLegId: string, failure: CalleeFailure): void {
    this.log.info({ code: failure.errorCode, status: failure.status }, 'callee leg failed');
    this.core.report(
      facts.calleeFailed(calleeLegId, failure.errorCode, failure.detail, failure.status),
    );
    this.dropCallee();
  }

  private calleeHungUp(): void {
    this.end({
      fact: facts.calleeHungUp(),
      detail: 'callee hung up',
      callerStatus: 480,
      calleeGone: true,
    });
  }

  private dropCallee(): void {
    const callee = this.callee;
    if (!callee) return;
    this.callee = undefined;
    if (this.bridge) {
      this.bridge.stop();
      this.bridge = undefined;
      if (!this.agentRemoved && this.answeredValue) this.session.attach(this.callerRtp);
    }
    callee.rtp.close();
  }

  private end(ending: SipEnding): void {
    if (this.ending) return;
    this.ending = ending;
    this.log.info({ detail: ending.detail }, 'call ended here');
    this.bridge?.stop();
    this.session.close();
    if (this.caller) {
      if (ending.callerGone) this.caller.gone();
      else this.caller.hangUp(ending.callerStatus);
    }
    const callee = this.callee;
    if (callee && !ending.calleeGone) callee.leg.hangUp();
    callee?.rtp.close();
    this.callerRtp.close();
    if (ending.fact) this.core.report(ending.fact);
    this.onEnded(this);
    this.finished = this.core.close();
  }
}
