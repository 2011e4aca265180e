import { randomUUID } from 'node:crypto';
import { AudioFormatError } from '@warmline/audio';
import { Transport } from '@warmline/contracts';
import type { Logger } from '@warmline/telemetry';
import type { PublicUrls } from '../adapters/http/publicUrls';
import type { StreamDialect, StreamEvent, StreamStarted } from '../carriers/stream/streamEvent';
import { StreamLifecycle } from '../carriers/stream/streamLifecycle';
import { StreamProtocolError } from '../carriers/stream/streamProtocolError';
import type { CallRegistry } from '../calls/callRegistry';
import type { StreamLeg } from '../calls/callTypes';
import type { CarrierCall } from '../calls/carrierCall';
import { RESUME_CALL_PARAMETER, RESUME_TOKEN_PARAMETER } from '../calls/control/twilioLegControl';
import { payloadCodecFor } from '../media/codecs/payloadCodec';
import { admitCall } from '../security/admitCall';
import { constantTimeEqual } from '../security/constantTimeEqual';
import type { NumberRoute } from '../settings/carrierSettings';
import { legControlFor } from './legControlFor';
import { accountName, type StreamAccount } from './streamAccount';
import { StreamMediaTransport } from './streamMediaTransport';
import type { StreamSocket } from './streamSocket';

/** What every stream connection shares. */
export interface StreamConnectionDeps {
  readonly calls: CallRegistry;
  readonly routes: readonly NumberRoute[];
  readonly urls: PublicUrls;
  readonly logger: Logger;
}

const INTERNAL_PARAMETERS = new Set([RESUME_CALL_PARAMETER, RESUME_TOKEN_PARAMETER]);

const withoutInternal = (parameters: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(parameters).filter(([key]) => !INTERNAL_PARAMETERS.has(key)));

/**
 * One carrier WebSocket: reads its frames with the carrier's dialect, checks
 * their order, admits the call on `start` (per-number allowlist), then feeds
 * the call. A protocol violation closes the socket with a close code naming
 * it and ends the call as a protocol error; a socket lost without `stop` ends
 * it as media lost. Nothing is written for a stream that was never admitted.
 */
export class CarrierStreamConnection {
  private readonly lifecycle = new StreamLifecycle();
  private readonly log: Logger;
  private call: CarrierCall | undefined;
  private leg: StreamLeg | undefined;
  private transport: StreamMediaTransport | undefined;
  private closed = false;

  constructor(
    private readonly deps: StreamConnectionDeps,
    private readonly dialect: StreamDialect,
    private readonly account: StreamAccount,
    private readonly socket: StreamSocket,
  ) {
    this.log = deps.logger.child({ carrier: dialect.carrier });
  }

  /** A text frame arrived. */
  text(text: string): void {
    if (this.closed) return;
    try {
      this.handle(this.lifecycle.accept(this.dialect.parse(text)));
    } catch (error) {
      if (error instanceof StreamProtocolError) this.fail(error);
      else if (error instanceof AudioFormatError)
        this.fail(new StreamProtocolError('BAD_FRAME', error.message));
      else {
        // a fault of ours must not take the process down: the call ends, and the log says why
        this.log.error({ err: error }, 'carrier frame handling failed');
        this.fail(new StreamProtocolError('BAD_FRAME', 'frame could not be handled'));
      }
    }
  }

  /** A binary frame arrived: carriers only send text. */
  binary(): void {
    if (this.closed) return;
    this.fail(new StreamProtocolError('NOT_TEXT', 'binary frames are not part of the protocol'));
  }

  /** The socket layer refused the peer's bytes (oversized frame, bad framing or UTF-8). */
  socketError(detail: string): void {
    if (this.closed) return;
    this.fail(new StreamProtocolError('BAD_FRAME', detail));
  }

  /** The socket closed. */
  socketClosed(code: number): void {
    if (this.closed) return;
    this.closed = true;
    if (this.call && this.leg && this.lifecycle.phase !== 'stopped') {
      this.call.streamLost(this.leg, `carrier socket closed without stop (code ${code})`);
    }
  }

  private handle(event: StreamEvent): void {
    switch (event.kind) {
      case 'connected':
        if (this.account.carrier === 'telnyx' && event.authToken !== undefined) {
          if (!constantTimeEqual(event.authToken, this.account.account.streamingAuthToken)) {
            this.refuse('streaming auth token in connected frame does not match');
          }
        }
        return;
      case 'start':
        this.start(event);
        return;
      case 'media': {
        if (event.track !== 'inbound' || !this.call || !this.transport) return;
        this.call.callerAudio(event.chunk, this.transport.codec.decode(event.payload));
        return;
      }
      case 'dtmf':
        this.call?.dtmf(event.digit);
        return;
      case 'mark':
        this.call?.markPlayed(event.name);
        return;
      case 'stop':
        if (this.call && this.leg) this.call.streamStopped(this.leg);
        this.closeSocket(1000, 'stopped');
        return;
      case 'error':
        this.log.warn(
          { code: event.code, title: event.title, detail: event.detail },
          'carrier reported a stream error',
        );
        return;
    }
  }

  private start(start: StreamStarted): void {
    const admitted = admitCall(
      this.deps.routes,
      { ...this.account, account: accountName(this.account), userId: this.userId() },
      start,
    );
    if (!admitted.ok) {
      this.refuse(admitted.message, admitted.reason);
      return;
    }
    const transport = new StreamMediaTransport(
      this.socket,
      this.dialect,
      payloadCodecFor(start.format),
      start.streamId,
    );
    const leg: StreamLeg = { transport, close: (code, reason) => this.closeSocket(code, reason) };
    this.transport = transport;
    this.leg = leg;
    const resumeOf = start.customParameters[RESUME_CALL_PARAMETER];
    if (resumeOf !== undefined) {
      this.resume(resumeOf, start.customParameters[RESUME_TOKEN_PARAMETER] ?? '', leg);
      return;
    }
    const callId = randomUUID();
    this.call = this.deps.calls.open(
      {
        callId,
        carrier: this.account.carrier,
        transport:
          this.account.carrier === 'twilio'
            ? Transport.TRANSPORT_TWILIO
            : Transport.TRANSPORT_TELNYX,
        account: accountName(this.account),
        route: admitted.route,
        callerNumber: admitted.callerNumber,
        calleeNumber: admitted.calleeNumber,
        carrierCallId: start.carrierCallId,
        customParameters: withoutInternal(start.customParameters),
        control: legControlFor(this.account, start, admitted, callId, this.deps.urls),
      },
      leg,
    );
  }

  private resume(callId: string, token: string, leg: StreamLeg): void {
    const call = this.deps.calls.resume(
      callId,
      token,
      accountName(this.account),
      this.account.carrier,
    );
    if (!call) {
      this.refuse('returning stream names no call waiting here', 'RESUME_REFUSED');
      return;
    }
    this.log.info({ callId }, 'stream re-attached after a transfer');
    this.call = call;
    call.resumed(leg);
  }

  private userId(): string | undefined {
    return this.account.carrier === 'telnyx' ? this.account.account.userId : undefined;
  }

  private refuse(message: string, reason = 'AUTH'): void {
    this.log.warn({ reason, detail: message }, 'carrier stream refused');
    this.closeSocket(1008, 'not allowed');
  }

  private fail(error: StreamProtocolError): void {
    this.log.warn(
      { code: error.code, event: error.event, detail: error.message },
      'carrier stream protocol error',
    );
    if (this.call && this.leg)
      this.call.streamFailed(this.leg, `${error.code}: ${error.message}`, error.closeCode);
    this.closeSocket(error.closeCode, error.code);
  }

  private closeSocket(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason.slice(0, 123));
  }
}
