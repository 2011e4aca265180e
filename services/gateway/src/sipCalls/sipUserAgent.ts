import { randomUUID } from 'node:crypto';
import type { Logger } from '@warmline/telemetry';
import type { CallDeps } from '../calls/callTypes';
import {
  type DialogId,
  type SdpSession,
  type SipRequest,
  type SipResponse,
  createAnswer,
  createResponse,
  dialogIdOfReceived,
  dialogKey,
  generateTag,
  getHeader,
  header,
  parseSdp,
  parseSipUri,
  readCore,
} from '../sip';
import type { SipParseError } from '../sip/sipParseError';
import { DEFAULT_TIMERS, type SipTimers } from '../sip/transaction/timers';
import {
  type ServerTransactionHandle,
  TransactionLayer,
  type TransactionUser,
} from '../sip/transaction/transactionLayer';
import { type SipPeer, SipTransport, type SipTransportName } from '../sip/transport/sipTransport';
import { ALLOWED_METHODS, CallerLeg } from './callerLeg';
import { RtpLeg, type RtpLegListener } from './rtpLeg';
import { RtpPortPool } from './rtpPortPool';
import { localMediaConfig } from './sdpConfig';
import { SipCall } from './sipCall';
import { type SipSettings, sipRouteFor } from './sipSettings';
import type { DialogHandler, SipStack } from './sipStack';

/** Counters for health checks and tests. */
export interface SipStats {
  calls: number;
  malformed: number;
  transactions: number;
  dialogs: number;
  /** RTP sockets open. */
  rtpSockets: number;
  /** RTP packets dropped because they came from an address other than the negotiated one. */
  rtpUnexpectedSource: number;
}

const userOf = (uri: string): string => {
  try {
    const parsed = parseSipUri(uri);
    return parsed.user ?? '';
  } catch {
    return '';
  }
};

/**
 * The gateway's SIP user agent (a B2BUA core over the transaction layer): new INVITEs become
 * {@link SipCall}s (route by Request-URI user, 404 when none; 488 without a common codec),
 * CANCEL is matched to its INVITE, OPTIONS is answered with 200 and Allow, in-dialog requests
 * go to their dialog (481 when none), malformed requests get 400 when they can be answered.
 */
export class SipUserAgent implements SipStack, TransactionUser {
  readonly layer: TransactionLayer;
  readonly timers: SipTimers;
  readonly rtp: RtpPortPool;
  private transport: SipTransport | undefined;
  private readonly dialogs = new Map<string, DialogHandler>();
  private readonly calls = new Map<string, SipCall>();
  private readonly byInvite = new Map<ServerTransactionHandle, SipCall>();
  private readonly finishing = new Set<Promise<void>>();
  private malformedCount = 0;
  private rtpOpen = 0;
  private rtpUnexpected = 0;

  constructor(
    readonly settings: SipSettings,
    private readonly deps: CallDeps,
    readonly logger: Logger = deps.logger.child({ component: 'sip' }),
  ) {
    this.timers = settings.timers ?? DEFAULT_TIMERS;
    this.rtp = new RtpPortPool(settings.host, settings.rtpPorts);
    this.layer = new TransactionLayer(
      (message, to) => this.wire().send(message, to),
      this,
      this.timers,
      () => performance.now(),
      (error, context) => this.logger.warn({ err: error, context }, 'sip transaction error'),
    );
  }

  /** Binds the SIP sockets; resolves with the port. */
  async start(): Promise<number> {
    this.transport = await SipTransport.start(
      { host: this.settings.host, port: this.settings.port, transports: this.settings.transports },
      {
        message: (message, from) => this.layer.receive(message, from),
        malformed: (error, from) => this.malformed(error, from),
      },
      (error, context) => this.logger.warn({ err: error, context }, 'sip transport error'),
    );
    return this.transport.port;
  }

  get port(): number {
    return this.transport?.port ?? 0;
  }

  get stats(): SipStats {
    return {
      calls: this.calls.size,
      malformed: this.malformedCount,
      transactions: this.layer.size,
      dialogs: this.dialogs.size,
      rtpSockets: this.rtpOpen,
      rtpUnexpectedSource: this.rtpUnexpected,
    };
  }

  /** A call held here, by platform call id. */
  call(callId: string): SipCall | undefined {
    return this.calls.get(callId);
  }

  /** Ends every call (BYE / 503), then closes the sockets. */
  async stop(): Promise<void> {
    for (const call of [...this.calls.values()]) call.shutdown();
    await this.settled();
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the BYEs leave
    this.layer.close();
    await this.transport?.close();
  }

  async settled(): Promise<void> {
    while (this.finishing.size > 0) await Promise.allSettled([...this.finishing]);
  }

  // ---- SipStack ----

  via(transport: SipTransportName) {
    return {
      transport,
      host: this.settings.publicAddress,
      hostType: this.settings.publicAddress.includes(':') ? ('ipv6' as const) : ('ipv4' as const),
      port: this.port,
    };
  }

  contact(transport: SipTransportName): string {
    const t = transport === 'TCP' ? ';transport=tcp' : '';
    return `sip:warmline@${this.settings.publicAddress}:${this.port}${t}`;
  }

  async openRtp(listener: RtpLegListener): Promise<RtpLeg> {
    const socket = await this.rtp.bind();
    this.rtpOpen++;
    const counted: RtpLegListener = {
      ...listener,
      unexpectedSource: (from) => {
        this.rtpUnexpected++;
        listener.unexpectedSource?.(from);
      },
    };
    return new RtpLeg(socket, counted, this.settings.rtpLatching, () => this.rtpOpen--);
  }

  bindDialog(id: DialogId, handler: DialogHandler): void {
    this.dialogs.set(dialogKey(id), handler);
  }

  unbindDialog(id: DialogId): void {
    this.dialogs.delete(dialogKey(id));
  }

  // ---- TransactionUser ----

  request(request: SipRequest, tx: ServerTransactionHandle | undefined, from: SipPeer): void {
    const id = dialogIdOfReceived(request);
    if (id) {
      const handler = this.dialogs.get(dialogKey(id));
      if (handler) handler.inDialog(request, tx, from);
      else if (tx) this.respond(tx, 481);
      return;
    }
    if (!tx) return; // an ACK outside any dialog
    const require = getHeader(request, 'Require');
    if (require && request.method !== 'CANCEL') {
      this.respond(tx, 420, [header('Unsupported', require)]);
      return;
    }
    switch (request.method) {
      case 'INVITE':
        void this.invite(tx, from).catch((error: unknown) => {
          this.logger.error({ err: error }, 'INVITE failed');
          if (!tx.tx.finalResponse) this.respond(tx, 500);
        });
        return;
      case 'CANCEL':
        this.cancel(tx);
        return;
      case 'OPTIONS':
        this.respond(tx, 200, [
          header('Allow', ALLOWED_METHODS),
          header('Accept', 'application/sdp'),
        ]);
        return;
      case 'BYE':
        this.respond(tx, 481);
        return;
      default:
        this.respond(tx, 405, [header('Allow', ALLOWED_METHODS)]);
    }
  }

  strayResponse(response: SipResponse): void {
    const id = dialogIdOfReceived(response);
    if (id) this.dialogs.get(dialogKey(id))?.strayResponse?.(response);
  }

  malformed(error: SipParseError, from: SipPeer): void {
    this.malformedCount++;
    const partial = error.partial;
    this.logger.warn(
      { reason: error.reason, header: error.header, from: from.address, port: from.port },
      'malformed SIP message',
    );
    if (!partial || partial.kind !== 'request' || partial.method === 'ACK') return;
    // Without the headers a response copies (§8.2.6.2) there is nobody to answer: drop it.
    if (!['Via', 'From', 'To', 'Call-ID', 'CSeq'].every((name) => getHeader(partial, name))) return;
    try {
      const response = createResponse(partial, 400, { reason: `Bad Request (${error.reason})` });
      this.layer.sendStateless(response, from);
    } catch (cannot) {
      this.logger.debug({ err: cannot }, 'malformed request could not be answered');
    }
  }

  // ---- requests outside a dialog ----

  private respond(
    tx: ServerTransactionHandle,
    status: number,
    headers: ReturnType<typeof header>[] = [],
  ): void {
    this.layer.respond(tx, createResponse(tx.request, status, { toTag: generateTag(), headers }));
  }

  private cancel(tx: ServerTransactionHandle): void {
    const invite = this.layer.inviteFor(tx.request);
    if (!invite) {
      this.respond(tx, 481);
      return;
    }
    this.layer.respond(tx, createResponse(tx.request, 200));
    const call = this.byInvite.get(invite);
    if (call) call.callerCancelled();
    else if (!invite.tx.finalResponse) this.respond(invite, 487);
  }

  private async invite(tx: ServerTransactionHandle, from: SipPeer): Promise<void> {
    const request = tx.request;
    this.layer.respond(tx, createResponse(request, 100));
    const calledUser = userOf(request.uri);
    const route = sipRouteFor(this.settings.routes, calledUser);
    if (!route) {
      this.logger.info('INVITE for a user with no route: 404');
      this.respond(tx, 404);
      return;
    }
    const contentType = readCore(request).contentType?.split(';')[0]?.trim().toLowerCase();
    if (request.body.length === 0 || contentType !== 'application/sdp') {
      this.logger.info('INVITE without an SDP offer: 488');
      this.respond(tx, 488, [header('Warning', '399 warmline "an SDP offer is required"')]);
      return;
    }
    let offer: SdpSession;
    try {
      offer = parseSdp(request.body);
    } catch (error) {
      this.logger.info({ err: error }, 'INVITE with malformed SDP: 400');
      this.layer.respond(
        tx,
        createResponse(request, 400, { toTag: generateTag(), reason: 'Bad SDP' }),
      );
      return;
    }
    const address = this.settings.publicAddress;
    const probe = createAnswer(offer, localMediaConfig(address, 9));
    if (!probe.ok) {
      this.logger.info({ reason: probe.reason }, 'no common codec: 488');
      this.respond(tx, 488, [
        header('Warning', '304 warmline "no common audio codec (PCMU, PCMA)"'),
      ]);
      return;
    }
    const owner: { call?: SipCall } = {}; // the call exists once the port is bound
    const rtp = await this.openRtp({
      audio: (sequence, samples) => owner.call?.callerAudio(sequence, samples),
      dtmf: (digit, durationMs) => owner.call?.dtmf(digit, durationMs),
      unexpectedSource: (source) =>
        this.logger.warn(
          { from: source.address, port: source.port },
          'RTP from an unexpected address dropped',
        ),
    });
    if (tx.tx.finalResponse) {
      rtp.close(); // cancelled while the port was bound
      return;
    }
    const media = localMediaConfig(address, rtp.port);
    const result = createAnswer(offer, media);
    if (!result.ok) {
      rtp.close();
      this.respond(tx, 488);
      return;
    }
    rtp.configure(result.audio);
    const core = readCore(request);
    const sipCall = new SipCall(
      this,
      this.deps,
      {
        callId: randomUUID(),
        route,
        callerNumber: core.from.uri.kind === 'sip' ? (core.from.uri.user ?? '') : '',
        calleeNumber: calledUser,
        sipCallId: core.callId,
      },
      rtp,
      (ended) => this.forget(ended, tx),
    );
    owner.call = sipCall;
    const leg = new CallerLeg(this, tx, rtp, media, result.answer, generateTag(), {
      hungUp: () => sipCall.callerHungUp(),
      lost: (detail) => sipCall.callerLost(detail),
    });
    this.calls.set(sipCall.callId, sipCall);
    this.byInvite.set(tx, sipCall);
    this.logger.info(
      { callId: sipCall.callId, codec: result.audio.codec.encoding, from: from.transport },
      'SIP call offered',
    );
    void sipCall.begin(leg);
  }

  private forget(call: SipCall, tx: ServerTransactionHandle): void {
    if (this.calls.get(call.callId) === call) this.calls.delete(call.callId);
    this.byInvite.delete(tx);
    const done = call.done.finally(() => this.finishing.delete(done));
    this.finishing.add(done);
  }

  private wire(): SipTransport {
    if (!this.transport) throw new Error('SIP transport not started');
    return this.transport;
  }
}
