import type { Logger } from '@warmline/telemetry';
import type { DialogId } from '../sip/dialog';
import type { SipRequest, SipResponse } from '../sip/message';
import type { ViaSentBy } from '../sip/request';
import type { SipTimers } from '../sip/transaction/timers';
import type {
  ServerTransactionHandle,
  TransactionLayer,
} from '../sip/transaction/transactionLayer';
import type { SipPeer, SipTransportName } from '../sip/transport/sipTransport';
import type { RtpLeg, RtpLegListener } from './rtpLeg';
import type { RtpPortPool } from './rtpPortPool';
import type { SipSettings } from './sipSettings';

/** Something that owns a dialog and takes its in-dialog traffic. */
export interface DialogHandler {
  /** An in-dialog request (`tx` undefined for an ACK). */
  inDialog(request: SipRequest, tx: ServerTransactionHandle | undefined, from: SipPeer): void;
  /** A 2xx retransmission after its INVITE transaction ended (re-ACK it). */
  strayResponse?(response: SipResponse): void;
}

/** What a SIP call needs from the user agent that holds it. */
export interface SipStack {
  readonly layer: TransactionLayer;
  readonly settings: SipSettings;
  readonly timers: SipTimers;
  readonly rtp: RtpPortPool;
  readonly logger: Logger;
  /** Our Via sent-by for a transport. */
  via(transport: SipTransportName): ViaSentBy;
  /** Our Contact URI for a transport. */
  contact(transport: SipTransportName): string;
  /** A new RTP leg on an even port of the configured range. */
  openRtp(listener: RtpLegListener): Promise<RtpLeg>;
  bindDialog(id: DialogId, handler: DialogHandler): void;
  unbindDialog(id: DialogId): void;
}
