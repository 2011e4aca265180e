import {
  type Metadata,
  Server,
  ServerCredentials,
  type ServerDuplexStream,
  status,
} from '@grpc/grpc-js';
import {
  type CallControlServiceServer,
  CallControlServiceService,
  type CallEvent,
  type CallSnapshot,
  type StreamMediaRequest,
  type StreamMediaResponse,
  type SessionRequest,
  type SessionResponse,
  TerminationReason,
} from '@warmline/contracts';
import { DoubleCalls } from './doubleCalls';
import { DoubleMedia } from './doubleMedia';
import { DoubleSession } from './doubleSession';
import { callEvent } from './fixtures';

/** Options of {@link CallControlTestDouble.start}. */
export interface TestDoubleOptions {
  readonly apiKey?: string;
  readonly heartbeatIntervalMs?: number;
}

/**
 * A TEST DOUBLE of call-control's gRPC API (`CallControlServiceService`), in process on a random
 * loopback port: just enough of the real service's contract (API-key auth, hello/welcome, the
 * ready gate, competing-consumer delivery, attach, heartbeats, idempotent commands, pull-based
 * media) to test the SDK's client-side behaviour, with knobs to misbehave (delays, failures,
 * silence, restarts). It is not call-control; the `*.real.int.test.ts` files use the real one.
 */
export class CallControlTestDouble {
  readonly sessions: DoubleSession[] = [];
  readonly media: DoubleMedia[] = [];
  readonly calls: DoubleCalls;
  readonly getCallRequests: string[] = [];
  /** Delay before each ExecuteCommand reply, ms. */
  commandDelayMs = 0;
  /** This many next ExecuteCommand calls fail with UNAVAILABLE. */
  failNextCommands = 0;
  private readonly queue: string[] = [];
  private readonly holders = new Map<string, DoubleSession>();
  private server: Server | undefined;
  private nextSession = 0;
  private readonly apiKey: string;
  private readonly heartbeatIntervalMs: number;

  private constructor(
    public port: number,
    options: TestDoubleOptions,
  ) {
    this.apiKey = options.apiKey ?? 'test-key';
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1_000;
    this.calls = new DoubleCalls({
      emit: (callId, payload, causationId) => this.emit(callId, payload, causationId),
      endMedia: (callId, reason) => this.mediaFor(callId)?.end(reason),
    });
  }

  /** Starts a double on a random port (or `port`, to come back after {@link stop}). */
  static async start(options: TestDoubleOptions = {}): Promise<CallControlTestDouble> {
    const double = new CallControlTestDouble(0, options);
    await double.listen();
    return double;
  }

  /** `127.0.0.1:<port>`. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** The sessions still open. */
  get liveSessions(): DoubleSession[] {
    return this.sessions.filter((session) => !session.ended);
  }

  /** Offers a PENDING call: delivered to one ready session (round robin), once. */
  offerCall(snapshot: CallSnapshot): void {
    this.calls.calls.set(snapshot.callId, { ...snapshot });
    this.queue.push(snapshot.callId);
    this.deliver();
  }

  /** Sends an event of a call to the session that holds it. */
  emit(callId: string, payload: NonNullable<CallEvent['payload']>, causationId = ''): void {
    this.holders
      .get(callId)
      ?.send({ $case: 'callEvent', value: callEvent(callId, payload, causationId) });
  }

  /** The latest media stream opened for a call. */
  mediaFor(callId: string): DoubleMedia | undefined {
    return this.media.filter((media) => media.callId === callId).at(-1);
  }

  /** Stops the server at once (connections are cut), keeping the port for {@link restart}. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.forceShutdown();
    for (const session of this.sessions) session.ended = true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  /** Starts again on the same port. */
  async restart(): Promise<void> {
    await this.listen();
  }

  private authorized(metadata: Metadata): boolean {
    return metadata.get('authorization')[0] === `Bearer ${this.apiKey}`;
  }

  private deliver(): void {
    for (;;) {
      const ready = this.liveSessions.filter((session) => session.ready);
      const callId = this.queue[0];
      if (ready.length === 0 || callId === undefined) return;
      const session = ready[this.nextSession++ % ready.length];
      const call = this.calls.calls.get(callId);
      if (!session || !call) return;
      this.queue.shift();
      this.holders.set(callId, session);
      session.send({ $case: 'incomingCall', value: { call: { ...call } } });
    }
  }

  private session(stream: ServerDuplexStream<SessionRequest, SessionResponse>): void {
    if (!this.authorized(stream.metadata)) {
      stream.emit('error', { code: status.UNAUTHENTICATED, details: 'bad API key' });
      return;
    }
    const session = new DoubleSession(
      `session-${this.sessions.length + 1}`,
      stream,
      this.heartbeatIntervalMs,
      () => this.deliver(),
      (attached, callId) => this.holders.set(callId, attached),
    );
    this.sessions.push(session);
  }

  private openMedia(stream: ServerDuplexStream<StreamMediaRequest, StreamMediaResponse>): void {
    if (!this.authorized(stream.metadata)) {
      stream.emit('error', { code: status.UNAUTHENTICATED, details: 'bad API key' });
      return;
    }
    this.media.push(
      new DoubleMedia(stream, (media) => {
        const call = media.callId === undefined ? undefined : this.calls.calls.get(media.callId);
        if (!call) media.fail(status.NOT_FOUND, 'no such call');
        else if (call.terminationReason !== TerminationReason.TERMINATION_REASON_UNSPECIFIED)
          media.end(call.terminationReason);
      }),
    );
  }

  private implementation(): CallControlServiceServer {
    return {
      session: (stream) => this.session(stream),
      streamMedia: (stream) => this.openMedia(stream),
      executeCommand: (call, callback) => {
        if (!this.authorized(call.metadata))
          return callback({ code: status.UNAUTHENTICATED, details: 'bad API key' });
        if (this.failNextCommands > 0) {
          this.failNextCommands--;
          return callback({ code: status.UNAVAILABLE, details: 'try again' });
        }
        const command = call.request.command;
        if (!command) return callback({ code: status.INVALID_ARGUMENT, details: 'no command' });
        const result = this.calls.execute(command);
        setTimeout(() => callback(null, { result }), this.commandDelayMs);
      },
      getCall: (call, callback) => {
        if (!this.authorized(call.metadata))
          return callback({ code: status.UNAUTHENTICATED, details: 'bad API key' });
        this.getCallRequests.push(call.request.callId);
        const snapshot = this.calls.calls.get(call.request.callId);
        if (!snapshot) return callback({ code: status.NOT_FOUND, details: 'no such call' });
        callback(null, { call: { ...snapshot } });
      },
    };
  }

  private async listen(): Promise<void> {
    const server = new Server();
    server.addService(CallControlServiceService, this.implementation());
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(
        `127.0.0.1:${this.port}`,
        ServerCredentials.createInsecure(),
        (error, port) => (error ? reject(error) : resolve(port)),
      ),
    );
    this.server = server;
  }
}
