import type { CallEvent, CallSnapshot, SessionHello, SessionWelcome } from '@warmline/contracts';
import { type BackoffPolicy, backoffDelayMs } from '../domain/backoff';
import { DEFAULT_HEARTBEAT_INTERVAL_MS } from '../domain/heartbeatPolicy';
import { ConnectionError, type WarmlineError } from '../errors/warmlineError';
import { type WarmlineLogger, describeError } from '../logger';
import type { Channel } from '../transport/channel';
import { errorFromStatus, isPermanentStatus, statusOf } from '../transport/grpcErrors';
import { ConnectWaiters } from './connectWaiters';
import { Heartbeat } from './heartbeat';
import { SessionStream } from './sessionStream';

/** What the session reports to the client. */
export interface SessionEvents {
  incomingCall(snapshot: CallSnapshot): void;
  callEvent(event: CallEvent): void;
  /** The session is back after a loss: calls may have missed events. */
  restored(): void;
  /** The session failed for good (credentials refused): the client closes. */
  failed(error: WarmlineError): void;
}

/** What the session needs. */
export interface SessionOptions {
  readonly channel: Channel;
  readonly hello: SessionHello;
  readonly logger: WarmlineLogger;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
  readonly connectTimeoutMs: number;
}

type Status = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * The control connection, kept alive: hello → welcome, then attach for every call this process
 * holds and ready (once the application asked for it), heartbeats both ways, and on any loss a
 * reconnect with exponential backoff and jitter (logged at warn) that repeats all of that.
 * Refused credentials end it for good.
 */
export class SessionSupervisor {
  private status: Status = 'idle';
  private stream: SessionStream | undefined;
  private heartbeat: Heartbeat | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private welcomeTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private wasOpen = false;
  private readyRequested = false;
  private readySentOn: SessionStream | undefined;
  private lastError: unknown;
  private failure: WarmlineError | undefined;
  private readonly tracked = new Set<string>();
  private readonly waiters: ConnectWaiters;
  /** The platform's id of the current session, once welcomed. */
  sessionId: string | undefined;

  constructor(
    private readonly options: SessionOptions,
    private readonly events: SessionEvents,
  ) {
    this.waiters = new ConnectWaiters(options.connectTimeoutMs, () => this.connectTimedOut());
  }

  /** Whether the session is open right now. */
  get isOpen(): boolean {
    return this.status === 'open';
  }

  /**
   * Opens the session (hello → welcome), retrying until the connect timeout.
   *
   * @throws {@link AuthenticationError} when the credentials are refused
   * @throws {@link ConnectionError} when no session opened in time or the client was closed
   */
  connect(): Promise<void> {
    if (this.status === 'closed')
      return Promise.reject(
        this.failure ?? new ConnectionError('the client is closed', { retryable: false }),
      );
    if (this.status === 'open') return Promise.resolve();
    const opened = this.waiters.add();
    if (this.status === 'idle') {
      this.status = 'connecting';
      this.openStream();
    }
    return opened;
  }

  /** Lets the platform deliver calls (now, and after every reconnect). */
  ready(): void {
    this.readyRequested = true;
    this.sendReady();
  }

  /** Follows a call's events on this session (and re-attaches after reconnects); `attachNow` sends attach at once. */
  track(callId: string, attachNow: boolean): void {
    this.tracked.add(callId);
    if (attachNow && this.status === 'open')
      this.stream?.send({ $case: 'attach', value: { callId } });
  }

  /** Stops re-attaching to a call. */
  untrack(callId: string): void {
    this.tracked.delete(callId);
  }

  /** Closes the session for good. */
  close(): void {
    if (this.status === 'closed') return;
    this.status = 'closed';
    this.stopStream();
    this.waiters.rejectAll(new ConnectionError('the client was closed', { retryable: false }));
  }

  private openStream(): void {
    const stream: SessionStream = new SessionStream(this.options.channel, this.options.hello, {
      welcome: (welcome) => this.onWelcome(stream, welcome),
      incomingCall: (snapshot) => this.events.incomingCall(snapshot),
      callEvent: (event) => this.events.callEvent(event),
      received: () => this.heartbeat?.received(),
      finished: (error) => this.onLost(stream, error),
    });
    this.stream = stream;
    const welcomeWaitMs = Math.min(this.options.connectTimeoutMs, 10_000);
    this.welcomeTimer = setTimeout(
      () => this.onLost(stream, new ConnectionError('no welcome from the platform')),
      welcomeWaitMs,
    );
  }

  private onWelcome(stream: SessionStream, welcome: SessionWelcome): void {
    if (stream !== this.stream || this.status === 'closed') return;
    clearTimeout(this.welcomeTimer);
    const restored = this.wasOpen;
    this.status = 'open';
    this.wasOpen = true;
    this.attempt = 0;
    this.sessionId = welcome.sessionId;
    const intervalMs = welcome.heartbeatIntervalMs || DEFAULT_HEARTBEAT_INTERVAL_MS;
    this.heartbeat = new Heartbeat(
      intervalMs,
      (sentAtMs) => stream.send({ $case: 'heartbeat', value: { sentAtMs } }),
      () => this.onLost(stream, new ConnectionError('the platform went silent (no heartbeat)')),
    );
    this.heartbeat.start();
    for (const callId of this.tracked) stream.send({ $case: 'attach', value: { callId } });
    this.sendReady();
    this.options.logger.info(restored ? 'session restored' : 'session open', {
      sessionId: welcome.sessionId,
      heartbeatIntervalMs: intervalMs,
      attachedCalls: this.tracked.size,
    });
    this.waiters.resolveAll();
    if (restored) this.events.restored();
  }

  private sendReady(): void {
    const stream = this.stream;
    if (!this.readyRequested || this.status !== 'open' || !stream || this.readySentOn === stream)
      return;
    this.readySentOn = stream;
    stream.send({ $case: 'ready', value: {} });
  }

  private onLost(stream: SessionStream, error: unknown): void {
    if (stream !== this.stream || this.status === 'closed') return;
    this.stopStream();
    const code = statusOf(error);
    if (isPermanentStatus(code)) {
      this.fail(errorFromStatus(error, { kind: 'session' }));
      return;
    }
    this.lastError = error;
    this.status = this.wasOpen ? 'reconnecting' : 'connecting';
    const delayMs = backoffDelayMs(this.attempt++, this.options.backoff, this.options.random());
    this.options.logger.warn('session lost; reconnecting', {
      attempt: this.attempt,
      delayMs,
      error: error === undefined ? 'ended by the platform' : describeError(error),
    });
    this.retryTimer = setTimeout(() => this.openStream(), delayMs);
  }

  private connectTimedOut(): Error {
    const cause = this.lastError;
    const error =
      cause === undefined || cause instanceof ConnectionError
        ? new ConnectionError('could not open a session with the platform in time', { cause })
        : errorFromStatus(cause, { kind: 'session' });
    // Before the first success the attempt stops here; once open, reconnecting never stops.
    if (this.status === 'connecting') {
      this.stopStream();
      this.status = 'idle';
      this.waiters.rejectAll(error);
    }
    return error;
  }

  private fail(error: WarmlineError): void {
    this.status = 'closed';
    this.failure = error;
    this.options.logger.error('session refused', { error: describeError(error) });
    this.waiters.rejectAll(error);
    this.events.failed(error);
  }

  private stopStream(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.welcomeTimer);
    this.heartbeat?.stop();
    this.heartbeat = undefined;
    this.stream?.cancel();
    this.stream = undefined;
    this.readySentOn = undefined;
  }
}
