/**
 * The transaction layer (RFC 3261 §17): matches messages to client and server transactions
 * (§17.1.3, §17.2.3), drives their pure state machines with the clock, and hands the UA core
 * what is left: new requests, ACKs for 2xx, and 2xx retransmissions that outlived their
 * INVITE transaction.
 */
import { readCore } from '../core';
import type { SipMessage, SipRequest, SipResponse } from '../message';
import type { SipParseError } from '../sipParseError';
import type { SipPeer } from '../transport/sipTransport';
import { type ClientAction, ClientTransaction } from './clientTransaction';
import { type ServerAction, ServerTransaction } from './serverTransaction';
import type { SipTimers } from './timers';

/** What the owner of a client transaction hears. */
export interface ClientTransactionHandler {
  response(response: SipResponse): void;
  /** No final response (Timer B/F) or the transport failed: act as on 408. */
  timeout(): void;
}

/** A server transaction with the peer to answer. */
export interface ServerTransactionHandle {
  readonly tx: ServerTransaction;
  readonly peer: SipPeer;
  readonly request: SipRequest;
}

/** What the transaction layer passes up to the UA core. */
export interface TransactionUser {
  /** A new request (its server transaction is open), or an ACK without a transaction (`tx` undefined). */
  request(request: SipRequest, tx: ServerTransactionHandle | undefined, from: SipPeer): void;
  /** A response no client transaction wants (a retransmitted 2xx to INVITE: re-ACK it). */
  strayResponse(response: SipResponse, from: SipPeer): void;
  malformed(error: SipParseError, from: SipPeer): void;
  /** A non-2xx final's ACK never came (Timer H). */
  serverTimeout?(tx: ServerTransactionHandle): void;
}

/** Where the layer sends bytes. */
export type SendMessage = (message: SipMessage, to: SipPeer) => void;

interface ClientEntry {
  readonly tx: ClientTransaction;
  readonly to: SipPeer;
  readonly handler: ClientTransactionHandler;
  readonly key: string;
}

interface ServerEntry extends ServerTransactionHandle {
  readonly key: string;
}

const topBranch = (msg: SipMessage): string => {
  const via = readCore(msg).vias[0];
  return via?.branch ?? '';
};

const sentBy = (msg: SipMessage): string => {
  const via = readCore(msg).vias[0];
  return via ? `${via.host}:${via.port ?? ''}` : '';
};

/** The transaction layer of one UA. */
export class TransactionLayer {
  private readonly clients = new Map<string, ClientEntry>();
  private readonly servers = new Map<string, ServerEntry>();
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;
  private closed = false;

  constructor(
    private readonly send: SendMessage,
    private readonly user: TransactionUser,
    private readonly timers: SipTimers,
    private readonly now: () => number = () => performance.now(),
    private readonly onError: (error: unknown, context: string) => void = () => undefined,
  ) {}

  /** Live transactions (for leak checks). */
  get size(): number {
    return this.clients.size + this.servers.size;
  }

  /** Starts a client transaction for `request` (not ACK). */
  request(request: SipRequest, to: SipPeer, handler: ClientTransactionHandler): ClientTransaction {
    const tx = new ClientTransaction(request, to.transport !== 'UDP', this.timers);
    const key = `${topBranch(request)}|${request.method}`;
    const entry: ClientEntry = { tx, to, handler, key };
    this.clients.set(key, entry);
    this.runClient(entry, tx.start(this.now()));
    return tx;
  }

  /** Sends outside any transaction (ACK for a 2xx, a response to a stray request). */
  sendStateless(message: SipMessage, to: SipPeer): void {
    this.safeSend(message, to);
  }

  /** The TU responds on a server transaction. */
  respond(handle: ServerTransactionHandle, response: SipResponse): void {
    const entry = this.servers.get(this.serverKey(handle.request));
    if (!entry || entry.tx !== handle.tx) {
      this.safeSend(response, handle.peer); // the transaction already ended (e.g. 2xx resend)
      return;
    }
    this.runServer(entry, handle.tx.respond(response, this.now()));
  }

  /** The INVITE server transaction a CANCEL names (same branch and sent-by, §9.2). */
  inviteFor(cancel: SipRequest): ServerTransactionHandle | undefined {
    return this.servers.get(`${topBranch(cancel)}|INVITE|${sentBy(cancel)}`);
  }

  /** A message from the transport. */
  receive(message: SipMessage, from: SipPeer): void {
    if (this.closed) return;
    if (message.kind === 'response') {
      const method = readCore(message).cseq.method;
      const entry = this.clients.get(`${topBranch(message)}|${method}`);
      if (!entry) {
        this.user.strayResponse(message, from);
        return;
      }
      this.runClient(entry, entry.tx.receive(message, this.now()));
      return;
    }
    const key = this.serverKey(message);
    const existing = this.servers.get(key);
    if (existing) {
      this.runServer(existing, existing.tx.receive(message, this.now()));
      return;
    }
    if (message.method === 'ACK') {
      this.user.request(message, undefined, from);
      return;
    }
    const tx = new ServerTransaction(message, from.transport !== 'UDP', this.timers);
    const entry: ServerEntry = { tx, peer: from, request: message, key };
    this.servers.set(key, entry);
    this.user.request(message, entry, from);
  }

  /** Stops every timer; transactions are dropped. */
  close(): void {
    this.closed = true;
    this.clients.clear();
    this.servers.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private serverKey(request: SipRequest): string {
    const method = request.method === 'ACK' ? 'INVITE' : request.method;
    return `${topBranch(request)}|${method}|${sentBy(request)}`;
  }

  private runClient(entry: ClientEntry, actions: ClientAction[]): void {
    for (const action of actions) {
      switch (action.kind) {
        case 'send':
          if (!this.safeSend(action.message, entry.to)) {
            this.runClient(entry, entry.tx.transportError());
            return;
          }
          break;
        case 'response':
          this.guard(() => entry.handler.response(action.response), 'response handler');
          break;
        case 'timeout':
          this.guard(() => entry.handler.timeout(), 'timeout handler');
          break;
        case 'terminated':
          if (this.clients.get(entry.key) === entry) this.clients.delete(entry.key);
          break;
      }
    }
    this.arm();
  }

  private runServer(entry: ServerEntry, actions: ServerAction[]): void {
    for (const action of actions) {
      switch (action.kind) {
        case 'send':
          if (!this.safeSend(action.message, entry.peer)) {
            this.runServer(entry, entry.tx.transportError());
            return;
          }
          break;
        case 'timeout':
          this.guard(() => this.user.serverTimeout?.(entry), 'server timeout');
          break;
        case 'terminated':
          if (this.servers.get(entry.key) === entry) this.servers.delete(entry.key);
          break;
      }
    }
    this.arm();
  }

  private safeSend(message: SipMessage, to: SipPeer): boolean {
    try {
      this.send(message, to);
      return true;
    } catch (error) {
      this.onError(error, 'sip send');
      return false;
    }
  }

  private guard(fn: () => void, context: string): void {
    try {
      fn();
    } catch (error) {
      this.onError(error, context);
    }
  }

  private arm(): void {
    if (this.closed) return;
    let due = Infinity;
    for (const e of this.clients.values()) due = Math.min(due, e.tx.deadline ?? Infinity);
    for (const e of this.servers.values()) due = Math.min(due, e.tx.deadline ?? Infinity);
    if (due === this.timerDue && this.timer) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = due;
    if (due === Infinity) return;
    this.timer = setTimeout(() => this.fire(), Math.max(0, due - this.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.timerDue = Infinity;
    const now = this.now();
    for (const entry of [...this.clients.values()])
      if ((entry.tx.deadline ?? Infinity) <= now) this.runClient(entry, entry.tx.tick(now));
    for (const entry of [...this.servers.values()])
      if ((entry.tx.deadline ?? Infinity) <= now) this.runServer(entry, entry.tx.tick(now));
    this.arm();
  }
}
