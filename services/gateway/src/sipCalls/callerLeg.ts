import {
  type Dialog,
  type LocalMediaConfig,
  type SdpSession,
  type SipRequest,
  type SipResponse,
  acceptRemoteCSeq,
  contactHeader,
  createAnswer,
  createBye,
  createResponse,
  dialogFromRequest,
  generateBranch,
  header,
  initialCSeq,
  parseSdp,
} from '../sip';
import { TwoXxRetransmitter } from '../sip/transaction/serverTransaction';
import type { ServerTransactionHandle } from '../sip/transaction/transactionLayer';
import type { SipPeer } from '../sip/transport/sipTransport';
import type { RtpLeg } from './rtpLeg';
import { nextVersion, sdpBody } from './sdpConfig';
import type { DialogHandler, SipStack } from './sipStack';

/** What the caller's leg tells its call. */
export interface CallerLegEvents {
  /** BYE from the caller. */
  hungUp(): void;
  /** The 2xx was never ACKed (64·T1): the dialog is dead. */
  lost(detail: string): void;
}

/** Methods we take inside a dialog; the Allow header of our answers. */
export const ALLOWED_METHODS = 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO';

/**
 * The caller's side of a SIP call, as UAS (RFC 3261 §13.3, §12.1.1): 180 while PENDING,
 * 200 with our SDP answer on `answer()`, 2xx retransmission until the ACK, BYE both ways,
 * re-INVITE (new offer answered, 488 when it cannot be, 500 while one is in progress).
 */
export class CallerLeg implements DialogHandler {
  private dialog: Dialog;
  private retransmit: TwoXxRetransmitter | undefined;
  private retransmitTimer: NodeJS.Timeout | undefined;
  private reinvite: ServerTransactionHandle | undefined;
  private stateValue: 'early' | 'confirmed' | 'ended' = 'early';

  constructor(
    private readonly stack: SipStack,
    readonly invite: ServerTransactionHandle,
    private readonly rtp: RtpLeg,
    private media: LocalMediaConfig,
    private answerSdp: SdpSession,
    readonly localTag: string,
    private readonly events: CallerLegEvents,
  ) {
    this.dialog = dialogFromRequest(invite.request, localTag, initialCSeq());
    stack.bindDialog(this.dialog, this);
  }

  get answered(): boolean {
    return this.stateValue === 'confirmed';
  }

  /** 180 Ringing (with our To tag: an early dialog). */
  ringing(): void {
    this.respond(this.invite, 180);
  }

  /** 200 OK with the SDP answer; resent until the ACK. */
  answer(): void {
    if (this.stateValue !== 'early' || this.invite.tx.finalResponse) return;
    this.stateValue = 'confirmed';
    this.send2xx(this.invite, this.answerSdp);
  }

  /** A final non-2xx to the INVITE (refused, cancelled, or call-control hung up before answering). */
  reject(status: number): void {
    if (this.stateValue !== 'early') return;
    this.stateValue = 'ended';
    if (!this.invite.tx.finalResponse) this.respond(this.invite, status);
    this.release();
  }

  /** Ends the dialog: BYE once answered, else a final response. */
  hangUp(status = 480): void {
    if (this.stateValue === 'early') return this.reject(status);
    if (this.stateValue !== 'confirmed') return;
    this.stateValue = 'ended';
    const transport = this.invite.peer.transport;
    const { request, dialog } = createBye(this.dialog, {
      via: this.stack.via(transport),
      branch: generateBranch(),
    });
    this.dialog = dialog;
    this.stack.layer.request(request, this.invite.peer, {
      response: () => undefined,
      timeout: () => undefined,
    });
    this.release();
  }

  /** The far end is gone (BYE received): stop without sending anything. */
  gone(): void {
    this.stateValue = 'ended';
    this.release();
  }

  inDialog(request: SipRequest, tx: ServerTransactionHandle | undefined, from: SipPeer): void {
    if (request.method === 'ACK') {
      this.retransmit?.ack();
      this.stopRetransmit();
      return;
    }
    if (!tx) return;
    const cseq = acceptRemoteCSeq(this.dialog, request);
    if (!cseq.ok) {
      this.respond(tx, 500, { reason: 'CSeq Out of Order' });
      return;
    }
    this.dialog = cseq.dialog;
    switch (request.method) {
      case 'BYE':
        this.respond(tx, 200);
        if (this.stateValue === 'ended') return;
        this.stateValue = 'ended';
        this.release();
        this.events.hungUp();
        return;
      case 'INVITE':
        this.reInvite(request, tx);
        return;
      case 'OPTIONS':
      case 'INFO':
        this.respond(tx, 200, { headers: [header('Allow', ALLOWED_METHODS)] });
        return;
      default:
        void from;
        this.respond(tx, 405, { headers: [header('Allow', ALLOWED_METHODS)] });
    }
  }

  private reInvite(request: SipRequest, tx: ServerTransactionHandle): void {
    if (this.stateValue !== 'confirmed' || (this.reinvite && !this.reinvite.tx.finalResponse)) {
      // §14.2: an INVITE while another is pending gets 500 with Retry-After.
      this.respond(tx, 500, { headers: [header('Retry-After', '1')] });
      return;
    }
    if (this.retransmit && !this.retransmit.done) {
      this.respond(tx, 491); // our 2xx is not ACKed yet: glare-like, the peer retries (§14.1)
      return;
    }
    this.reinvite = tx;
    if (request.body.length === 0) {
      // An offerless re-INVITE: our current session is the offer (answer comes in the ACK).
      this.media = nextVersion(this.media);
      this.send2xx(tx, {
        ...this.answerSdp,
        origin: { ...this.answerSdp.origin, sessionVersion: this.media.origin.sessionVersion },
      });
      return;
    }
    let offer: SdpSession;
    try {
      offer = parseSdp(request.body);
    } catch {
      this.respond(tx, 400, { reason: 'Bad SDP' });
      return;
    }
    const next = nextVersion(this.media);
    const result = createAnswer(offer, { ...next, port: this.rtp.port });
    if (!result.ok) {
      this.stack.logger.info({ reason: result.reason }, 're-INVITE offer not acceptable (488)');
      this.respond(tx, 488);
      return;
    }
    this.media = next;
    this.answerSdp = result.answer;
    this.rtp.configure(result.audio);
    this.stack.logger.info(
      { hold: result.audio.hold, direction: result.audio.remoteDirection },
      're-INVITE answered',
    );
    this.send2xx(tx, result.answer);
  }

  private send2xx(tx: ServerTransactionHandle, sdp: SdpSession): void {
    const response = createResponse(tx.request, 200, {
      toTag: this.localTag,
      headers: [
        contactHeader(this.stack.contact(tx.peer.transport)),
        header('Allow', ALLOWED_METHODS),
        header('Content-Type', 'application/sdp'),
      ],
      body: sdpBody(sdp),
    });
    this.stack.layer.respond(tx, response);
    this.stopRetransmit();
    const now = performance.now();
    this.retransmit = new TwoXxRetransmitter(
      response,
      tx.peer.transport !== 'UDP',
      now,
      this.stack.timers,
    );
    this.armRetransmit(tx, response);
  }

  private armRetransmit(tx: ServerTransactionHandle, response: SipResponse): void {
    const r = this.retransmit;
    const due = r?.deadline;
    if (!r || due === undefined) return;
    this.retransmitTimer = setTimeout(
      () => {
        const what = r.tick(performance.now());
        if (what === 'resend') this.stack.layer.sendStateless(response, tx.peer);
        if (what === 'give-up') {
          this.stack.logger.warn('no ACK for our 2xx: ending the dialog');
          this.hangUp();
          this.events.lost('no ACK for the 2xx');
          return;
        }
        this.armRetransmit(tx, response);
      },
      Math.max(0, due - performance.now()),
    );
  }

  private stopRetransmit(): void {
    if (this.retransmitTimer) clearTimeout(this.retransmitTimer);
    this.retransmitTimer = undefined;
  }

  private respond(
    tx: ServerTransactionHandle,
    status: number,
    options: { reason?: string; headers?: ReturnType<typeof header>[] } = {},
  ): void {
    const headers = [...(options.headers ?? [])];
    if (status > 100 && status < 300 && tx.request.method === 'INVITE')
      headers.push(contactHeader(this.stack.contact(tx.peer.transport)));
    this.stack.layer.respond(
      tx,
      createResponse(tx.request, status, { toTag: this.localTag, headers, reason: options.reason }),
    );
  }

  private release(): void {
    this.stopRetransmit();
    this.stack.unbindDialog(this.dialog);
  }
}
