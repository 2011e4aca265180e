import type { CallEvent } from '@warmline/contracts';
import { type AgentMode, type CallState, type TerminationReason } from '../domain/callState';
import type { CallInfo } from '../domain/callInfo';
import { type ActiveCallJSON, CALL_JSON_FORMAT } from '../domain/callJson';
import { type CallView } from '../domain/callView';
import { foldCallEvent } from '../domain/foldCallEvent';
import { type Folded, type ReportedState, foldReportedState } from '../domain/foldCallState';
import { agentModeToProto } from '../domain/protoNames';
import { validateRingTimeSeconds } from '../domain/ringTime';
import { BufferClosedError } from '../errors/bufferErrors';
import { CallNotFoundError } from '../errors/callErrors';
import { InvalidArgumentError, MediaError } from '../errors/warmlineError';
import type { CallEventDetails, CallNotice } from '../events/eventDetails';
import { type CallEventName } from '../events/eventNames';
import { HandlerRegistry } from '../events/handlerRegistry';
import { type WarmlineLogger, describeError } from '../logger';
import type { MediaConnection } from '../media/mediaConnection';
import { answerOutcome, connectOutcome } from './outcomes';
import { type OutcomeSelector, OutcomeWaiter } from './outcomeWaiter';
import { type CommandTarget, type RunDeps, runCommand } from './runCommand';

/** Handler arguments of each call event: the call, then the event's detail. */
export type CallHandlers = {
  [K in CallEventName]: [call: ActiveCall, detail: CallEventDetails[K]];
};

/** A handler of call event `K` (sync or async); it may ignore the detail. */
export type CallEventHandler<K extends CallEventName> = (
  call: ActiveCall,
  detail: CallEventDetails[K],
) => void | Promise<void>;

/** Options of {@link ActiveCall.connect}. */
export interface ConnectOptions {
  /** How long the callee's phone rings, 1-120 s; default 60. */
  readonly ringTimeSeconds?: number;
  /** Context attached to the callee leg (for example a context id the human's desk looks up). */
  readonly handoffData?: Readonly<Record<string, string>>;
}

/** What a call gets from its client. @internal */
export interface CallDeps extends RunDeps {
  readonly logger: WarmlineLogger;
  readonly fetchInfo: (callId: string) => Promise<CallInfo>;
  readonly createMedia: (
    callId: string,
    onEnded: (reason: TerminationReason) => void,
  ) => MediaConnection;
  /** Client-level handlers. */
  readonly notify: (call: ActiveCall, notice: CallNotice) => void;
  /** The call is done in this process (ended or detached). */
  readonly release: (call: ActiveCall) => void;
}

/** An object that can rebuild a serialised call: the {@link WarmlineClient}. */
export interface CallAttacher {
  attachCall(json: ActiveCallJSON | string): Promise<ActiveCall>;
}

/**
 * One phone call delivered to (or attached by) this process. Its state follows the platform's
 * events: PENDING → ANSWERED → CONNECTED → DISCONNECTED. Commands resolve once the platform
 * confirmed them and reject with typed errors; audio flows through {@link sendAudio} and
 * {@link audioStream}.
 */
export class ActiveCall implements CommandTarget {
  /** The platform's id of the call. */
  readonly callId: string;
  /** Who called. */
  readonly callerNumber: string;
  /** The number called: the connector's original callee. */
  readonly calleeNumber: string;
  /** The connector the call came in on. */
  readonly connectorId: string;
  private current: CallView;
  private released: string | undefined;
  private readonly seenEvents = new Set<string>();
  private readonly waiters = new Set<OutcomeWaiter>();
  private readonly handlers: HandlerRegistry<CallHandlers>;
  private readonly media: MediaConnection;

  /** @internal Calls are created by the client; use `client.on(events.INCOMING_CALL, ...)` or `attachCall`. */
  constructor(
    info: Pick<
      CallInfo,
      'callId' | 'callerNumber' | 'calleeNumber' | 'connectorId' | 'state' | 'mode'
    >,
    private readonly deps: CallDeps,
    /**
     * For a call rebuilt from JSON: the platform replays its events from the first one, and
     * those that happened before this time (ms) are history the fetched state already holds,
     * so they change nothing and stay silent.
     */
    private readonly historyUntilMs?: number,
  ) {
    this.callId = info.callId;
    this.callerNumber = info.callerNumber;
    this.calleeNumber = info.calleeNumber;
    this.connectorId = info.connectorId;
    this.current = {
      state: info.state,
      mode: info.mode,
      connectPending: false,
      terminationReason: undefined,
    };
    this.handlers = new HandlerRegistry(deps.logger, { callId: info.callId });
    this.media = deps.createMedia(info.callId, (reason) =>
      this.report({ state: 'DISCONNECTED', mode: this.current.mode, terminationReason: reason }),
    );
  }

  /** Rebuilds a call serialised with {@link toJSON} on this or another process: `client.attachCall(json)`. */
  static fromJSON(client: CallAttacher, json: ActiveCallJSON | string): Promise<ActiveCall> {
    return client.attachCall(json);
  }

  /** The call's state. */
  get state(): CallState {
    return this.current.state;
  }

  /** Who hears the agent; undefined until CONNECTED. */
  get mode(): AgentMode | undefined {
    return this.current.mode;
  }

  /** Why the call ended, once DISCONNECTED. */
  get terminationReason(): TerminationReason | undefined {
    return this.current.terminationReason;
  }

  /** @internal */
  get view(): CallView {
    return this.current;
  }

  /** @internal */
  get releasedReason(): string | undefined {
    return this.released;
  }

  /** Adds a handler for one of this call's events; returns the call. */
  on<K extends CallEventName>(event: K, handler: CallEventHandler<K>): this {
    this.handlers.on(event, handler);
    return this;
  }

  /** Removes a handler added with {@link on}. */
  off<K extends CallEventName>(event: K, handler: CallEventHandler<K>): this {
    this.handlers.off(event, handler);
    return this;
  }

  /**
   * Answers a PENDING call; resolves once it is ANSWERED.
   *
   * @throws {@link CallCommandError} `ANSWER_FAILED` (the call stays PENDING); {@link WrongStateError};
   * {@link CallClosedError}; {@link CallCommandTimeoutError}
   */
  answer(): Promise<void> {
    return runCommand(this, this.deps, {
      name: 'answer',
      payload: { $case: 'answer', value: {} },
      outcome: answerOutcome(this.callId),
      completed: (view) => view.state !== 'PENDING',
    });
  }

  /**
   * Rings the connector's original callee and, when they answer, joins caller, callee and agent
   * in a conference (CONNECTED, mode BARGE). Resolves once connected.
   *
   * @throws {@link InvalidArgumentError} when `ringTimeSeconds` is not 1-120 (nothing is sent)
   * @throws {@link CallCommandError} `CALL_UNANSWERED`, `CALLEE_BUSY`, ... (the call stays as it was)
   */
  async connect(options: ConnectOptions = {}): Promise<void> {
    const ringTimeSeconds = validateRingTimeSeconds(options.ringTimeSeconds);
    return runCommand(this, this.deps, {
      name: 'connect',
      payload: {
        $case: 'connect',
        value: { ringTimeSeconds, handoffData: { ...options.handoffData } },
      },
      extraTimeoutMs: ringTimeSeconds * 1000,
      outcome: connectOutcome(this.callId),
      completed: (view) => view.state === 'CONNECTED',
    });
  }

  /** Leaves the call: after connect the agent leaves and caller and callee stay; after answer the caller is dropped too. */
  close(): Promise<void> {
    return runCommand(this, this.deps, { name: 'close', payload: { $case: 'close', value: {} } });
  }

  /** Ends the call for everyone. */
  disconnect(): Promise<void> {
    return runCommand(this, this.deps, {
      name: 'disconnect',
      payload: { $case: 'disconnect', value: {} },
    });
  }

  /** CONNECTED only: caller and callee both hear the agent. */
  barge(): Promise<void> {
    return this.setMode('barge', 'BARGE');
  }

  /** CONNECTED only: only the callee hears the agent. */
  whisper(): Promise<void> {
    return this.setMode('whisper', 'WHISPER');
  }

  /** CONNECTED only: nobody hears the agent; it only listens. */
  spy(): Promise<void> {
    return this.setMode('spy', 'SPY');
  }

  /**
   * Queues agent audio (PCM16 little-endian mono at the client's rate). It is sent as the
   * platform pulls it. Audio queued before answer waits in the buffer.
   *
   * @throws {@link BufferClosedError} after the call ended, close() or detach()
   * @throws {@link MediaError} for an odd byte count, or when media failed
   * @throws {@link BufferFullError} when the buffer has no room (back-pressure; nothing was queued)
   */
  async sendAudio(pcm: Uint8Array): Promise<void> {
    if (!(pcm instanceof Uint8Array))
      throw new InvalidArgumentError('pcm', 'pcm must be a Uint8Array or Buffer');
    if (this.current.state === 'DISCONNECTED' || this.released) {
      throw new BufferClosedError('the send buffer is closed: the call has ended');
    }
    if (pcm.length % 2 !== 0) {
      throw new MediaError(`PCM16 audio needs an even byte count; got ${pcm.length}`, this.callId);
    }
    this.media.send(pcm);
  }

  /** The caller's audio as PCM16 chunks; ends when the call ends. One reader at a time. */
  audioStream(): AsyncIterableIterator<Uint8Array> {
    return this.media.audioStream();
  }

  /** Drops all queued agent audio here and on the platform (barge-in); resolves with the bytes dropped. */
  clearSendAudioBuffer(): Promise<number> {
    return this.media.clear();
  }

  /** Agent audio queued in this process and not yet pulled by the platform, in bytes. */
  getSendAudioBufferSize(): number {
    return this.media.bufferedBytes;
  }

  /**
   * Stops handling the call in this process without ending it (after handing it to another
   * process with toJSON / fromJSON): media closes, events stop, further commands fail.
   */
  detach(): void {
    this.release('the call was detached from this process');
  }

  /** @internal Stops handling the call here (detach, or the client closing). */
  release(reason: string): void {
    if (this.released) return;
    this.released = reason;
    this.media.stop(new BufferClosedError(`the send buffer is closed: ${reason}`));
    this.deps.release(this);
  }

  /** The call as JSON, to rebuild it elsewhere with {@link ActiveCall.fromJSON}. */
  toJSON(): ActiveCallJSON {
    const { mode } = this.current;
    return {
      format: CALL_JSON_FORMAT,
      callId: this.callId,
      callerNumber: this.callerNumber,
      calleeNumber: this.calleeNumber,
      connectorId: this.connectorId,
      state: this.current.state,
      ...(mode === undefined ? {} : { mode }),
    };
  }

  /** @internal Opens media (the client does it as soon as it holds the call). */
  openMedia(): void {
    this.media.open();
  }

  /** @internal One event from the session. */
  applyEvent(event: CallEvent): void {
    if (event.eventId) {
      if (this.seenEvents.has(event.eventId)) return;
      this.seenEvents.add(event.eventId);
    }
    const folded = foldCallEvent(this.current, event);
    const occurredMs = event.occurredAt?.getTime();
    const history =
      this.historyUntilMs !== undefined &&
      occurredMs !== undefined &&
      occurredMs <= this.historyUntilMs;
    this.apply(history ? { view: folded.view, notices: [] } : folded);
  }

  /** @internal A state learnt outside the events. */
  report(report: ReportedState): void {
    this.apply(foldReportedState(this.current, report, { eventId: '', occurredAt: undefined }));
  }

  /** @internal */
  watch(select: OutcomeSelector): OutcomeWaiter {
    const waiter = new OutcomeWaiter(select);
    this.waiters.add(waiter);
    return waiter;
  }

  /** @internal */
  unwatch(waiter: OutcomeWaiter): void {
    this.waiters.delete(waiter);
  }

  /** @internal Refreshes the state from the platform (after a reconnect, or a CALL_CLOSED result). */
  resync(): void {
    this.deps.fetchInfo(this.callId).then(
      (info) =>
        this.report({
          state: info.state,
          mode: info.mode,
          terminationReason: info.terminationReason,
        }),
      (error: unknown) => {
        if (error instanceof CallNotFoundError) {
          this.report({
            state: 'DISCONNECTED',
            mode: this.current.mode,
            terminationReason: 'UNKNOWN',
          });
          return;
        }
        this.deps.logger.warn('call state refresh failed', {
          callId: this.callId,
          error: describeError(error),
        });
      },
    );
  }

  private setMode(name: 'barge' | 'whisper' | 'spy', mode: AgentMode): Promise<void> {
    return runCommand(this, this.deps, {
      name,
      payload: { $case: 'setAgentMode', value: { mode: agentModeToProto(mode) } },
    });
  }

  private apply(folded: Folded): void {
    if (this.released) return; // handled elsewhere now: a late refresh must not fire events here
    const wasEnded = this.current.state === 'DISCONNECTED';
    this.current = folded.view;
    for (const notice of folded.notices) {
      for (const waiter of this.waiters) waiter.offer(notice);
      this.deps.notify(this, notice);
      this.handlers.emit(notice.name, this, notice.detail);
    }
    if (!wasEnded && this.current.state === 'DISCONNECTED') {
      this.media.stop(new BufferClosedError('the send buffer is closed: the call has ended'));
      this.deps.release(this);
    }
  }
}
