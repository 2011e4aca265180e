import { randomBytes } from 'node:crypto';
import {
  type Dialog,
  type LocalMediaConfig,
  type SdpSession,
  type SipRequest,
  type SipResponse,
  acceptRemoteCSeq,
  contactHeader,
  createAckFor2xx,
  createAuthenticatedRequest,
  createBye,
  createCancel,
  createOffer,
  createRequest,
  createResponse,
  dialogFromResponse,
  generateBranch,
  generateCallId,
  generateTag,
  header,
  initialCSeq,
  parseSdp,
  parseSipUri,
  readAnswer,
  readCore,
} from '../sip';
import type { ServerTransactionHandle } from '../sip/transaction/transactionLayer';
import type { SipPeer } from '../sip/transport/sipTransport';
import type { RtpLeg } from './rtpLeg';
import { sdpBody } from './sdpConfig';
import type { DialogHandler, SipStack } from './sipStack';

/** How a callee leg failed, as call-control's connect failure. */
export interface CalleeFailure {
  readonly errorCode: string;
  readonly detail: string;
  /** The SIP status behind it (0 when none). */
  readonly status: number;
}

/** What the callee leg tells its call. */
export interface CalleeLegEvents {
  ringing(): void;
  answered(): void;
  failed(failure: CalleeFailure): void;
  /** BYE from the callee after it answered. */
  hungUp(): void;
}

/** What to ring. */
export interface CalleeLegPlan {
  readonly destination: string;
  readonly ringTimeSeconds: number;
  /** The From user (caller id). */
  readonly fromUser: string;
  readonly extraHeaders: readonly { readonly name: string; readonly value: string }[];
}

/** Maps a final SIP status of the callee's INVITE to a connect failure code. */
export const calleeFailureFor = (status: number, reason: string): CalleeFailure => {
  if (status === 486 || status === 600)
    return {
      errorCode: 'CALLEE_BUSY',
      detail: `the callee was busy (${status} ${reason})`,
      status,
    };
  if (status === 603)
    return {
      errorCode: 'CALLEE_DECLINED',
      detail: `the callee declined (${status} ${reason})`,
      status,
    };
  if (status === 408 || status === 480 || status === 487)
    return {
      errorCode: 'CALL_UNANSWERED',
      detail: `the callee did not answer (${status} ${reason})`,
      status,
    };
  return {
    errorCode: 'CALLEE_UNREACHABLE',
    detail: `the callee could not be reached (${status} ${reason})`,
    status,
  };
};

/** Where a SIP URI sends to (its host, port and transport parameter). */
export const peerOfUri = (uri: string): SipPeer => {
  const parsed = parseSipUri(uri);
  const transport = String(parsed.params.get('transport') ?? 'udp').toUpperCase();
  return {
    transport: transport === 'TCP' ? 'TCP' : 'UDP',
    address: parsed.host,
    port: parsed.port ?? 5060,
  };
};

/**
 * The callee's side of a connect(), as UAC (RFC 3261 §13.2): INVITE with our offer to a
 * configured destination, 180/183 → ringing, 2xx → ACK and answered, 401/407 → one retry
 * with Digest credentials, CANCEL when the ring time runs out (→ 487 → CALL_UNANSWERED),
 * other finals → a failure with the status; BYE both ways once answered.
 */
export class CalleeLeg implements DialogHandler {
  private invite: SipRequest;
  private readonly offer: SdpSession;
  private readonly peer: SipPeer;
  private dialog: Dialog | undefined;
  private provisional = false;
  private cancelWanted = false;
  private cancelled = false;
  private authTried = false;
  private ringTimer: NodeJS.Timeout | undefined;
  private stateValue: 'calling' | 'answered' | 'ended' = 'calling';
  private ack: SipRequest | undefined;

  constructor(
    private readonly stack: SipStack,
    private readonly rtp: RtpLeg,
    media: LocalMediaConfig,
    private readonly plan: CalleeLegPlan,
    private readonly events: CalleeLegEvents,
  ) {
    this.peer = peerOfUri(plan.destination);
    const transport = this.peer.transport;
    const host = stack.settings.publicAddress;
    this.offer = createOffer(media);
    this.invite = createRequest({
      method: 'INVITE',
      uri: plan.destination,
      from: `<sip:${plan.fromUser}@${host}>;tag=${generateTag()}`,
      to: `<${plan.destination}>`,
      callId: generateCallId(host),
      cseq: initialCSeq(),
      via: stack.via(transport),
      branch: generateBranch(),
      contact: `<${stack.contact(transport)}>`,
      headers: [
        ...plan.extraHeaders.map((h) => header(h.name, h.value)),
        header('Allow', 'INVITE, ACK, CANCEL, BYE, OPTIONS'),
        header('Content-Type', 'application/sdp'),
      ],
      body: sdpBody(this.offer),
    });
  }

  get answered(): boolean {
    return this.stateValue === 'answered';
  }

  /** Sends the INVITE and starts the ring timer. */
  start(): void {
    this.send(this.invite);
    this.ringTimer = setTimeout(() => {
      this.stack.logger.info(
        { ringTimeSeconds: this.plan.ringTimeSeconds },
        'callee did not answer in time: CANCEL',
      );
      this.cancel();
    }, this.plan.ringTimeSeconds * 1000);
  }

  /** Stops ringing (CANCEL) or ends the answered leg (BYE). */
  hangUp(): void {
    if (this.stateValue === 'calling') this.cancel();
    else if (this.stateValue === 'answered') {
      this.stateValue = 'ended';
      this.bye();
    }
    this.clearTimer();
  }

  /** The callee is gone (we heard its BYE or our call ended): stop without signalling. */
  private finish(): void {
    this.stateValue = 'ended';
    this.clearTimer();
    if (this.dialog) this.stack.unbindDialog(this.dialog);
  }

  inDialog(request: SipRequest, tx: ServerTransactionHandle | undefined): void {
    if (!tx || !this.dialog) return;
    const cseq = acceptRemoteCSeq(this.dialog, request);
    if (!cseq.ok) {
      this.stack.layer.respond(tx, createResponse(request, 500));
      return;
    }
    this.dialog = cseq.dialog;
    if (request.method === 'BYE') {
      this.stack.layer.respond(tx, createResponse(request, 200));
      if (this.stateValue !== 'answered') return;
      this.finish();
      this.events.hungUp();
      return;
    }
    if (request.method === 'INVITE' && request.body.length > 0) {
      // A callee re-INVITE (hold/resume): follow its direction and address, answer with our offer's codec.
      try {
        const offer = parseSdp(request.body);
        const answer = readAnswer(this.offer, offer);
        if (answer.ok) this.rtp.configure(answer.audio);
      } catch {
        this.stack.layer.respond(tx, createResponse(request, 488));
        return;
      }
      this.stack.layer.respond(
        tx,
        createResponse(request, 200, {
          headers: [
            contactHeader(this.stack.contact(this.peer.transport)),
            header('Content-Type', 'application/sdp'),
          ],
          body: sdpBody(this.offer),
        }),
      );
      return;
    }
    this.stack.layer.respond(tx, createResponse(request, request.method === 'INVITE' ? 488 : 200));
  }

  strayResponse(response: SipResponse): void {
    // A retransmitted 2xx: our ACK was lost (§13.2.2.4).
    if (response.status >= 200 && response.status < 300 && this.ack)
      this.stack.layer.sendStateless(this.ack, this.peer);
  }

  private send(request: SipRequest): void {
    this.stack.layer.request(request, this.peer, {
      response: (response) => this.response(request, response),
      timeout: () =>
        this.fail({
          errorCode: 'CALLEE_UNREACHABLE',
          detail: 'no answer to the INVITE',
          status: 408,
        }),
    });
  }

  private response(request: SipRequest, response: SipResponse): void {
    if (request !== this.invite) return; // an older INVITE (before authentication)
    const status = response.status;
    if (status < 200) {
      if (status === 100) return;
      if (!this.provisional) {
        this.provisional = true;
        if (this.cancelWanted) this.sendCancel();
        else if (status === 180 || status === 183) this.events.ringing();
      }
      return;
    }
    if (status < 300) {
      this.answer2xx(response);
      return;
    }
    if (
      (status === 401 || status === 407) &&
      !this.authTried &&
      this.stack.settings.trunkCredentials
    ) {
      this.authTried = true;
      try {
        this.invite = createAuthenticatedRequest(this.invite, response, {
          credentials: this.stack.settings.trunkCredentials,
          cnonce: randomBytes(8).toString('hex'),
          via: this.stack.via(this.peer.transport),
          branch: generateBranch(),
        });
        this.stack.logger.info(
          { status },
          'callee trunk challenged the INVITE: retrying with credentials',
        );
        this.send(this.invite);
        return;
      } catch (error) {
        this.stack.logger.warn({ err: error }, 'could not answer the trunk challenge');
      }
    }
    this.fail(
      this.cancelled && status === 487
        ? {
            errorCode: 'CALL_UNANSWERED',
            detail: `the callee did not answer within ${this.plan.ringTimeSeconds} s`,
            status,
          }
        : calleeFailureFor(status, response.reason),
    );
  }

  private answer2xx(response: SipResponse): void {
    if (!this.dialog) {
      this.dialog = dialogFromResponse(this.invite, response);
      this.stack.bindDialog(this.dialog, this);
    }
    this.ack = createAckFor2xx(this.dialog, readCore(this.invite).cseq.seq, {
      via: this.stack.via(this.peer.transport),
      branch: generateBranch(),
    });
    this.stack.layer.sendStateless(this.ack, this.peer);
    if (this.stateValue !== 'calling' || this.cancelled) {
      // Answered after we gave up (CANCEL crossed the 200): hang it up at once (§9.1).
      this.stateValue = 'answered';
      this.hangUp();
      this.finish();
      return;
    }
    let answer;
    try {
      answer = readAnswer(this.offer, parseSdp(response.body));
    } catch {
      answer = undefined;
    }
    if (!answer?.ok) {
      this.stateValue = 'answered';
      this.hangUp();
      this.finish();
      this.fail({
        errorCode: 'CALLEE_UNREACHABLE',
        detail: 'the callee answered without usable SDP',
        status: 488,
      });
      return;
    }
    this.rtp.configure(answer.audio);
    this.stateValue = 'answered';
    this.clearTimer();
    this.events.answered();
  }

  private fail(failure: CalleeFailure): void {
    const notify = !this.failedOnce;
    this.failedOnce = true;
    if (this.stateValue === 'calling') this.finish();
    if (notify) this.events.failed(failure);
  }

  private failedOnce = false;

  private cancel(): void {
    if (this.stateValue !== 'calling' || this.cancelWanted) return;
    this.cancelWanted = true;
    this.clearTimer();
    if (this.provisional) this.sendCancel(); // §9.1: only after a provisional response
  }

  private sendCancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.stack.layer.request(createCancel(this.invite), this.peer, {
      response: () => undefined,
      timeout: () => undefined,
    });
  }

  private bye(): void {
    if (!this.dialog) return;
    const { request, dialog } = createBye(this.dialog, {
      via: this.stack.via(this.peer.transport),
      branch: generateBranch(),
    });
    this.dialog = dialog;
    this.stack.layer.request(request, this.peer, {
      response: () => undefined,
      timeout: () => undefined,
    });
    this.stack.unbindDialog(dialog);
  }

  private clearTimer(): void {
    if (this.ringTimer) clearTimeout(this.ringTimer);
    this.ringTimer = undefined;
  }
}
