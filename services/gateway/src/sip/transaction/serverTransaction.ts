/**
 * Server transactions (RFC 3261 §17.2) as pure state machines: time is an input, actions
 * are the output. The INVITE server transaction ends at a 2xx (the UAS core retransmits
 * it until the ACK, §13.3.1.4: see {@link TwoXxRetransmitter}).
 */
import type { SipRequest, SipResponse } from '../message';
import { type SipTimers, type TimerTable, earliest, takeDue } from './timers';

/** What a server transaction asks its owner to do. */
export type ServerAction =
  | { readonly kind: 'send'; readonly message: SipResponse }
  /** Timer H fired: the ACK for a non-2xx final never came. */
  | { readonly kind: 'timeout' }
  | { readonly kind: 'terminated' };

/** States of §17.2.1 (INVITE) and §17.2.2 (non-INVITE). */
export type ServerState = 'trying' | 'proceeding' | 'completed' | 'confirmed' | 'terminated';

/** One server transaction. */
export class ServerTransaction {
  private stateValue: ServerState;
  private readonly timers: TimerTable = new Map();
  private last: SipResponse | undefined;
  private interval: number;
  readonly isInvite: boolean;

  constructor(
    readonly request: SipRequest,
    private readonly reliable: boolean,
    private readonly t: SipTimers,
  ) {
    this.isInvite = request.method === 'INVITE';
    this.stateValue = this.isInvite ? 'proceeding' : 'trying';
    this.interval = t.t1;
  }

  get state(): ServerState {
    return this.stateValue;
  }

  /** The final response sent, if any. */
  get finalResponse(): SipResponse | undefined {
    return this.last && this.last.status >= 200 ? this.last : undefined;
  }

  get deadline(): number | undefined {
    return earliest(this.timers);
  }

  /** The TU responds. Responses after a final one are ignored. */
  respond(response: SipResponse, now: number): ServerAction[] {
    if (this.stateValue !== 'trying' && this.stateValue !== 'proceeding') return [];
    this.last = response;
    const send: ServerAction = { kind: 'send', message: response };
    if (response.status < 200) {
      this.stateValue = 'proceeding';
      return [send];
    }
    if (this.isInvite && response.status < 300) return [send, ...this.terminate()];
    this.stateValue = 'completed';
    if (this.isInvite) {
      if (!this.reliable) this.timers.set('G', now + this.t.t1);
      this.timers.set('H', now + 64 * this.t.t1);
      return [send];
    }
    if (this.reliable) return [send, ...this.terminate()];
    this.timers.set('J', now + 64 * this.t.t1);
    return [send];
  }

  /** A retransmission of the request (or, for INVITE, the ACK of a non-2xx final). */
  receive(request: SipRequest, now: number): ServerAction[] {
    if (request.method === 'ACK') {
      if (!this.isInvite || this.stateValue !== 'completed') return [];
      this.stateValue = 'confirmed';
      this.timers.delete('G');
      this.timers.delete('H');
      if (this.reliable) return this.terminate();
      this.timers.set('I', now + this.t.t4);
      return [];
    }
    if ((this.stateValue === 'proceeding' || this.stateValue === 'completed') && this.last)
      return [{ kind: 'send', message: this.last }];
    return [];
  }

  tick(now: number): ServerAction[] {
    const out: ServerAction[] = [];
    for (const name of takeDue(this.timers, now)) {
      if (name === 'G' && this.last) {
        this.interval = Math.min(this.interval * 2, this.t.t2);
        this.timers.set('G', now + this.interval);
        out.push({ kind: 'send', message: this.last });
      } else if (name === 'H') {
        out.push({ kind: 'timeout' }, ...this.terminate());
      } else {
        out.push(...this.terminate());
      }
    }
    return out;
  }

  /** A transport error sending a response: the transaction ends (§17.2.4). */
  transportError(): ServerAction[] {
    return this.stateValue === 'terminated' ? [] : this.terminate();
  }

  private terminate(): ServerAction[] {
    this.timers.clear();
    this.stateValue = 'terminated';
    return [{ kind: 'terminated' }];
  }
}

/**
 * The UAS core's 2xx retransmission (§13.3.1.4): over UDP the 2xx is resent at T1, doubling
 * up to T2, until the ACK arrives; after 64·T1 without ACK the dialog is to be ended.
 */
export class TwoXxRetransmitter {
  private next: number | undefined;
  private interval: number;
  private readonly giveUpAt: number;
  private acked = false;

  constructor(
    readonly response: SipResponse,
    reliable: boolean,
    now: number,
    private readonly t: SipTimers,
  ) {
    this.interval = t.t1;
    this.next = reliable ? undefined : now + t.t1;
    this.giveUpAt = now + 64 * t.t1;
  }

  get deadline(): number | undefined {
    return this.acked ? undefined : Math.min(this.next ?? Infinity, this.giveUpAt);
  }

  ack(): void {
    this.acked = true;
  }

  get done(): boolean {
    return this.acked;
  }

  /** 'resend', 'give-up' (no ACK: send BYE) or nothing. */
  tick(now: number): 'resend' | 'give-up' | undefined {
    if (this.acked) return undefined;
    if (now >= this.giveUpAt) {
      this.acked = true;
      return 'give-up';
    }
    if (this.next !== undefined && now >= this.next) {
      this.interval = Math.min(this.interval * 2, this.t.t2);
      this.next = now + this.interval;
      return 'resend';
    }
    return undefined;
  }
}
