/**
 * Client transactions (RFC 3261 §17.1) as pure state machines: time is an input, the
 * output is a list of actions (send this, give the TU that, the transaction ended).
 */
import type { SipRequest, SipResponse } from '../message';
import { createNon2xxAck } from '../request';
import { type SipTimers, type TimerTable, earliest, takeDue } from './timers';

/** What a client transaction asks its owner to do. */
export type ClientAction =
  | { readonly kind: 'send'; readonly message: SipRequest }
  | { readonly kind: 'response'; readonly response: SipResponse }
  /** Timer B or F fired: no final response (the TU treats it as 408). */
  | { readonly kind: 'timeout' }
  | { readonly kind: 'terminated' };

/** States of §17.1.1 (INVITE) and §17.1.2 (non-INVITE). */
export type ClientState = 'calling' | 'trying' | 'proceeding' | 'completed' | 'terminated';

/**
 * One client transaction. INVITE: Timer A retransmits (UDP) doubling from T1, Timer B (64·T1)
 * gives up, a 2xx ends it at once (the TU ACKs 2xx), a 300–699 is ACKed here and Timer D
 * absorbs retransmissions. Non-INVITE: Timer E retransmits (UDP) doubling up to T2, Timer F
 * (64·T1) gives up, Timer K (T4) absorbs retransmitted finals.
 */
export class ClientTransaction {
  private stateValue: ClientState;
  private readonly timers: TimerTable = new Map();
  private interval: number;
  private ack: SipRequest | undefined;
  readonly isInvite: boolean;

  constructor(
    readonly request: SipRequest,
    private readonly reliable: boolean,
    private readonly t: SipTimers,
  ) {
    this.isInvite = request.method === 'INVITE';
    this.stateValue = this.isInvite ? 'calling' : 'trying';
    this.interval = t.t1;
  }

  get state(): ClientState {
    return this.stateValue;
  }

  /** When the transaction next needs {@link tick}, if ever. */
  get deadline(): number | undefined {
    return earliest(this.timers);
  }

  /** Sends the request and starts the timers. */
  start(now: number): ClientAction[] {
    if (!this.reliable) this.timers.set(this.isInvite ? 'A' : 'E', now + this.t.t1);
    this.timers.set(this.isInvite ? 'B' : 'F', now + 64 * this.t.t1);
    return [{ kind: 'send', message: this.request }];
  }

  /** A response matched to this transaction arrived. */
  receive(response: SipResponse, now: number): ClientAction[] {
    const provisional = response.status < 200;
    switch (this.stateValue) {
      case 'calling':
      case 'trying':
      case 'proceeding':
        if (provisional) {
          this.stateValue = 'proceeding';
          if (this.isInvite) this.timers.delete('A');
          return [{ kind: 'response', response }];
        }
        return this.final(response, now);
      case 'completed':
        // A retransmitted final: re-ACK (INVITE), otherwise absorb it.
        return this.isInvite && this.ack && response.status >= 300
          ? [{ kind: 'send', message: this.ack }]
          : [];
      case 'terminated':
        return [];
    }
  }

  /** Fires the timers due at `now`. */
  tick(now: number): ClientAction[] {
    const out: ClientAction[] = [];
    for (const name of takeDue(this.timers, now)) out.push(...this.fire(name, now));
    return out;
  }

  /** A transport error: the transaction ends (§17.1.4), reported as a timeout. */
  transportError(): ClientAction[] {
    if (this.stateValue === 'terminated') return [];
    const wasPending = this.stateValue !== 'completed';
    return wasPending ? [{ kind: 'timeout' }, ...this.terminate()] : this.terminate();
  }

  private final(response: SipResponse, now: number): ClientAction[] {
    this.timers.clear();
    if (this.isInvite && response.status < 300) {
      return [{ kind: 'response', response }, ...this.terminate()];
    }
    this.stateValue = 'completed';
    const out: ClientAction[] = [];
    if (this.isInvite) {
      this.ack = createNon2xxAck(this.request, response);
      out.push({ kind: 'send', message: this.ack });
    }
    out.push({ kind: 'response', response });
    const wait = this.reliable ? 0 : this.isInvite ? 32_000 : this.t.t4;
    if (wait === 0) return [...out, ...this.terminate()];
    this.timers.set(this.isInvite ? 'D' : 'K', now + wait);
    return out;
  }

  private fire(name: string, now: number): ClientAction[] {
    switch (name) {
      case 'A':
        this.interval *= 2;
        this.timers.set('A', now + this.interval);
        return [{ kind: 'send', message: this.request }];
      case 'E':
        this.interval = Math.min(
          this.stateValue === 'proceeding' ? this.t.t2 : this.interval * 2,
          this.t.t2,
        );
        this.timers.set('E', now + this.interval);
        return [{ kind: 'send', message: this.request }];
      case 'B':
      case 'F':
        return [{ kind: 'timeout' }, ...this.terminate()];
      default:
        return this.terminate();
    }
  }

  private terminate(): ClientAction[] {
    this.timers.clear();
    this.stateValue = 'terminated';
    return [{ kind: 'terminated' }];
  }
}
