import type { CallEvent, CallSnapshot } from '@warmline/contracts';
import { type ActiveCall, type CallAttacher } from '../call/activeCall';
import { type ResolvedClientOptions, WarmlineClientConfig } from '../config/clientConfig';
import type { WarmlineClientOptions } from '../config/clientOptions';
import { type CallInfo, callInfoFromSnapshot } from '../domain/callInfo';
import { type ActiveCallJSON, parseCallJson } from '../domain/callJson';
import { CallClosedError } from '../errors/callErrors';
import { ConnectionError, type WarmlineError } from '../errors/warmlineError';
import type { CallNotice } from '../events/eventDetails';
import { ClientEvent } from '../events/eventNames';
import { type Handler, HandlerRegistry } from '../events/handlerRegistry';
import { describeError } from '../logger';
import { SessionSupervisor } from '../session/sessionSupervisor';
import { type Channel, openChannel } from '../transport/channel';
import { callFactory } from './callFactory';
import type { ClientEventHandler, ClientEventName, ClientHandlers } from './clientHandlers';
import { Finished } from './finished';
import { fetchCallInfo } from './fetchCallInfo';

/**
 * The entry point: one control connection (session) to call-control, the calls it delivers,
 * and their events.
 *
 * ```ts
 * const client = new WarmlineClient(WarmlineClientConfig.sandbox({ apiKey, address, sampleRate: 16000 }));
 * client.on(events.INCOMING_CALL, async (call) => { await call.answer(); ... });
 * await client.runForever(); // sends ready, then runs until client.close()
 * ```
 *
 * Nothing is delivered before `ready()`: register handlers first, then call `ready()` or
 * `runForever()` (which calls it). `connect()` alone opens the session without delivery.
 */
export class WarmlineClient implements CallAttacher, AsyncDisposable {
  /** The validated configuration. */
  readonly config: WarmlineClientConfig;
  private readonly options: ResolvedClientOptions;
  private readonly channel: Channel;
  private readonly session: SessionSupervisor;
  private readonly calls = new Map<string, ActiveCall>();
  private readonly handlers: HandlerRegistry<ClientHandlers>;
  private readonly newCall: (info: CallInfo, historyUntilMs?: number) => ActiveCall;
  private readonly finished = new Finished();
  private closed = false;

  /**
   * @throws {@link InvalidArgumentError} for invalid options or unreadable certificate files
   */
  constructor(
    config: WarmlineClientConfig | WarmlineClientOptions,
    random: () => number = Math.random,
  ) {
    this.config = WarmlineClientConfig.from(config);
    this.options = this.config.options;
    const { logger } = this.options;
    this.handlers = new HandlerRegistry(logger);
    this.channel = openChannel(this.options);
    this.newCall = callFactory({
      channel: this.channel,
      options: this.options,
      random,
      fetchInfo: (callId) => this.fetchCall(callId),
      notify: (call, notice) => this.notify(call, notice),
      release: (call) => this.forget(call),
    });
    this.session = new SessionSupervisor(
      {
        channel: this.channel,
        hello: {
          connectorIds: [...this.options.connectorIds],
          sampleRate: this.options.sampleRate,
          clientName: this.options.clientName,
        },
        logger,
        backoff: this.options.reconnect,
        random,
        connectTimeoutMs: this.options.connectTimeoutMs,
      },
      {
        incomingCall: (snapshot) => this.onIncomingCall(snapshot),
        callEvent: (event) => this.onCallEvent(event),
        restored: () => this.calls.forEach((call) => call.resync()),
        failed: (error) => this.fail(error),
      },
    );
  }

  /** The platform's id of the current session, once connected. */
  get sessionId(): string | undefined {
    return this.session.sessionId;
  }

  /** The calls this process holds. */
  get activeCalls(): readonly ActiveCall[] {
    return [...this.calls.values()];
  }

  /** Adds a handler: INCOMING_CALL, or a call event for every call. Handlers may be async. */
  on<K extends ClientEventName>(event: K, handler: ClientEventHandler<K>): this {
    this.handlers.on(event, handler as Handler<ClientHandlers[K]>);
    return this;
  }

  /** Removes a handler added with {@link on}. */
  off<K extends ClientEventName>(event: K, handler: ClientEventHandler<K>): this {
    this.handlers.off(event, handler as Handler<ClientHandlers[K]>);
    return this;
  }

  /**
   * Opens the session (no calls are delivered until {@link ready}).
   *
   * @throws {@link AuthenticationError}; {@link ConnectionError} after `connectTimeoutMs`
   */
  connect(): Promise<void> {
    return this.session.connect();
  }

  /** Connects if needed, then tells the platform to deliver calls (again after every reconnect). */
  async ready(): Promise<void> {
    await this.connect();
    this.session.ready();
  }

  /**
   * Sends ready (see {@link ready}) and resolves when the client is closed.
   *
   * @throws {@link AuthenticationError} when the platform refuses the credentials, at any time
   */
  async runForever(): Promise<void> {
    await this.ready();
    return this.finished.promise;
  }

  /**
   * Closes the session and releases every call in this process (their media closes; the calls
   * themselves go on, and another process may attach them). Idempotent.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.session.close();
    for (const call of [...this.calls.values()]) call.release('the client was closed');
    this.channel.close();
    this.options.logger.info('client closed');
    this.finished.resolve();
  }

  /** `await using client = new WarmlineClient(...)` closes it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** A call this process holds, by id. */
  getCall(callId: string): ActiveCall | undefined {
    return this.calls.get(callId);
  }

  /**
   * The platform's current view of any call the credentials may see.
   *
   * @throws {@link CallNotFoundError}; {@link AuthenticationError}; {@link ConnectionError}
   */
  fetchCall(callId: string): Promise<CallInfo> {
    return fetchCallInfo(this.channel, callId, this.options.commandTimeoutMs);
  }

  /**
   * Rebuilds a call serialised with `call.toJSON()` (possibly on another process): takes its
   * events over on this session, opens its media, and starts from the platform's current state.
   *
   * @throws {@link InvalidArgumentError} for a malformed serialisation; {@link CallNotFoundError};
   * {@link CallClosedError} when the call has already ended
   */
  async attachCall(json: ActiveCallJSON | string): Promise<ActiveCall> {
    const serialised = parseCallJson(json);
    if (this.closed) throw new ConnectionError('the client is closed', { retryable: false });
    const existing = this.calls.get(serialised.callId);
    if (existing) return existing;
    const info = await this.fetchCall(serialised.callId);
    const fetchedAtMs = Date.now();
    if (info.state === 'DISCONNECTED')
      throw new CallClosedError('the call has already ended', info.callId);
    const call = this.adopt(info, true, fetchedAtMs);
    call.resync(); // events between the fetch and the attach are folded in either order
    return call;
  }

  private adopt(info: CallInfo, attachNow: boolean, historyUntilMs?: number): ActiveCall {
    const call = this.newCall(info, historyUntilMs);
    this.calls.set(call.callId, call);
    this.session.track(call.callId, attachNow);
    call.openMedia();
    return call;
  }

  private onIncomingCall(snapshot: CallSnapshot): void {
    if (this.closed) return;
    const { logger } = this.options;
    if (this.calls.has(snapshot.callId)) {
      logger.debug('incoming call already held', { callId: snapshot.callId });
      return;
    }
    const call = this.adopt(callInfoFromSnapshot(snapshot), false);
    logger.info('incoming call', { callId: call.callId, 'pii.callerNumber': call.callerNumber });
    if (this.handlers.count(ClientEvent.INCOMING_CALL) === 0) {
      logger.warn('incoming call with no INCOMING_CALL handler', { callId: call.callId });
    }
    this.handlers.emit(ClientEvent.INCOMING_CALL, call);
  }

  private onCallEvent(event: CallEvent): void {
    this.options.logger.debug('call event received', {
      callId: event.callId,
      event: event.payload?.$case,
    });
    const call = this.calls.get(event.callId);
    if (call) call.applyEvent(event);
    else
      this.options.logger.debug('event for a call this process does not hold', {
        callId: event.callId,
      });
  }

  private notify(call: ActiveCall, notice: CallNotice): void {
    this.handlers.emit(notice.name, call, notice.detail);
  }

  private forget(call: ActiveCall): void {
    if (this.calls.get(call.callId) !== call) return;
    this.calls.delete(call.callId);
    this.session.untrack(call.callId);
  }

  private fail(error: WarmlineError): void {
    this.options.logger.error('client stopped', { error: describeError(error) });
    this.finished.reject(error); // first, so runForever() rejects rather than resolves
    void this.close();
  }
}
