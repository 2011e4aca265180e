import {
  CallState,
  type IncomingCall,
  type SessionHello,
  type SessionRequest,
  isSubjectToken,
} from '@warmline/contracts';
import { type Logger, WarmlineAttributes } from '@warmline/telemetry';
import type { CallStore } from '../calls/callStore';
import { toSnapshot } from '../domain';
import { type ConnectorScope, scopeAllows } from '../settings/connectorScope';
import { CallEventForwarder } from './callEventForwarder';
import { Heartbeat } from './heartbeat';
import { resolveHello } from './resolveHello';
import {
  type DeliveryResult,
  type IncomingCallSource,
  type IncomingTaker,
  SessionError,
  type SessionSink,
} from './sessionPorts';

/** A client silent for this many heartbeat intervals is given up. */
export const MISSED_HEARTBEATS = 3;

/** What a session needs from the app. */
export interface SessionDeps {
  readonly store: CallStore;
  readonly incoming: IncomingCallSource;
  readonly newId: () => string;
  readonly clock: () => number;
  readonly heartbeatIntervalMs: number;
  readonly log: Logger;
}

type Phase = 'new' | 'welcomed' | 'ready' | 'closed';

/**
 * One SDK process's control connection (Session): hello → welcome, then nothing until the
 * application says ready; then the connectors' incoming calls (competing with every other
 * session of those connectors) and the events of each call it took or attached to.
 */
export class SdkSession {
  readonly sessionId: string;
  private phase: Phase = 'new';
  private connectorIds: readonly string[] = [];
  private takers: IncomingTaker[] = [];
  private readonly attached = new Set<string>();
  private readonly heartbeat: Heartbeat;
  private readonly forwarder: CallEventForwarder;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: SessionDeps,
    private readonly scope: ConnectorScope,
    private readonly sink: SessionSink,
  ) {
    this.sessionId = deps.newId();
    this.forwarder = new CallEventForwarder(deps.store, (event) =>
      this.sink.write({ message: { $case: 'callEvent', value: event } }),
    );
    this.heartbeat = new Heartbeat({
      intervalMs: deps.heartbeatIntervalMs,
      missedBeats: MISSED_HEARTBEATS,
      clock: deps.clock,
      beat: () => {
        const sentAtMs = deps.clock();
        this.sink
          .write({ message: { $case: 'heartbeat', value: { sentAtMs } } })
          .catch(() => undefined);
      },
      silent: (ms) =>
        void this.fail(
          new SessionError('DEADLINE_EXCEEDED', `no message from the client for ${ms} ms`),
        ),
    });
  }

  /**
   * Handles one client message, after the ones before it. Protocol violations end the
   * session with a typed error; other failures reject (the adapter logs them).
   */
  handle(request: SessionRequest): Promise<void> {
    this.heartbeat.heard();
    const next = this.queue.then(async () => {
      if (this.isClosed()) return;
      try {
        await this.dispatch(request);
      } catch (error) {
        if (!(error instanceof SessionError)) throw error;
        await this.fail(error);
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The client went away (or the server stops): stops taking calls and forwarding events. */
  async close(): Promise<void> {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.heartbeat.stop();
    const takers = this.takers;
    this.takers = [];
    await Promise.all([...takers.map((taker) => taker.stop()), this.forwarder.stop()]);
    this.deps.log.info({ sessionId: this.sessionId }, 'sdk session closed');
  }

  private async dispatch(request: SessionRequest): Promise<void> {
    const message = request.message;
    switch (message?.$case) {
      case 'hello':
        return this.hello(message.value);
      case 'ready':
        return this.ready();
      case 'heartbeat':
        return;
      case 'attach':
        return this.attach(message.value.callId);
      case undefined:
        throw new SessionError('INVALID_ARGUMENT', 'empty session message');
    }
  }

  private async hello(hello: SessionHello): Promise<void> {
    if (this.phase !== 'new')
      throw new SessionError('FAILED_PRECONDITION', 'hello was already sent');
    const terms = resolveHello(hello, this.scope);
    this.connectorIds = terms.connectorIds;
    this.phase = 'welcomed';
    const welcome = {
      sessionId: this.sessionId,
      heartbeatIntervalMs: this.deps.heartbeatIntervalMs,
    };
    await this.sink.write({ message: { $case: 'welcome', value: welcome } });
    this.heartbeat.start();
    this.deps.log.info(
      { sessionId: this.sessionId, connectorIds: terms.connectorIds, client: hello.clientName },
      'sdk session welcomed',
    );
  }

  private async ready(): Promise<void> {
    if (this.phase === 'new') throw new SessionError('FAILED_PRECONDITION', 'send hello first');
    if (this.phase !== 'welcomed') return; // a repeated ready changes nothing
    this.phase = 'ready';
    for (const connectorId of this.connectorIds) {
      const taker = await this.deps.incoming.take(connectorId, (incoming) =>
        this.deliver(incoming),
      );
      if (this.isClosed()) return void (await taker.stop());
      this.takers.push(taker);
    }
    await Promise.all([...this.attached].map((callId) => this.forwarder.follow(callId)));
  }

  private async attach(callId: string): Promise<void> {
    if (this.phase === 'new') throw new SessionError('FAILED_PRECONDITION', 'send hello first');
    if (!isSubjectToken(callId)) throw new SessionError('INVALID_ARGUMENT', 'not a call id');
    const { call } = await this.deps.store.load(callId);
    if (!call.exists || !scopeAllows(this.scope, call.origin.connectorId)) {
      // The SDK checks the call with GetCall before attaching; nothing to forward here.
      this.deps.log.warn(
        { sessionId: this.sessionId, [WarmlineAttributes.CALL_ID]: callId },
        'attach to an unknown or foreign call ignored',
      );
      return;
    }
    this.attached.add(callId);
    if (this.phase === 'ready') await this.forwarder.follow(callId);
  }

  /** Hands one incoming call to the client; it counts as taken once written. */
  private async deliver(incoming: IncomingCall): Promise<DeliveryResult> {
    if (this.isClosed()) return 'declined';
    const callId = incoming.call?.callId ?? '';
    if (!isSubjectToken(callId)) return 'dropped';
    const { call, version } = await this.deps.store.load(callId);
    if (!call.exists || call.state === CallState.CALL_STATE_DISCONNECTED) return 'dropped';
    try {
      const snapshot = { ...toSnapshot(call), version };
      await this.sink.write({ message: { $case: 'incomingCall', value: { call: snapshot } } });
    } catch {
      return 'declined';
    }
    this.deps.log.info(
      { sessionId: this.sessionId, [WarmlineAttributes.CALL_ID]: callId },
      'incoming call delivered',
    );
    if (!this.isClosed()) await this.forwarder.follow(callId);
    return 'delivered';
  }

  private isClosed(): boolean {
    return this.phase === 'closed';
  }

  private async fail(error: SessionError): Promise<void> {
    if (this.phase === 'closed') return;
    this.deps.log.warn(
      { sessionId: this.sessionId, code: error.code, error: error.message },
      'sdk session ended',
    );
    await this.close();
    this.sink.end(error);
  }
}
