import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { SessionHello, SessionRequest, SessionResponse } from '@warmline/contracts';

/** One SDK session as the test double sees it. */
export class DoubleSession {
  hello: SessionHello | undefined;
  ready = false;
  readonly attached: string[] = [];
  heartbeatsReceived = 0;
  ended = false;
  /** When false the double neither answers heartbeats nor sends its own (a silent server). */
  responsive = true;

  constructor(
    readonly id: string,
    private readonly stream: ServerDuplexStream<SessionRequest, SessionResponse>,
    private readonly heartbeatIntervalMs: number,
    private readonly onReady: (session: DoubleSession) => void,
    private readonly onAttach: (session: DoubleSession, callId: string) => void,
  ) {
    stream.on('data', (request: SessionRequest) => this.receive(request));
    stream.on('error', () => (this.ended = true));
    stream.on('end', () => {
      this.ended = true;
      stream.end();
    });
    stream.on('cancelled', () => (this.ended = true));
  }

  /** Sends a message to the SDK. */
  send(message: NonNullable<SessionResponse['message']>): void {
    if (!this.ended) this.stream.write({ message });
  }

  /** Ends the session from the server side with an OK status. */
  end(): void {
    this.ended = true;
    this.stream.end();
  }

  private receive(request: SessionRequest): void {
    const message = request.message;
    switch (message?.$case) {
      case 'hello':
        this.hello = message.value;
        this.send({
          $case: 'welcome',
          value: { sessionId: this.id, heartbeatIntervalMs: this.heartbeatIntervalMs },
        });
        return;
      case 'ready':
        this.ready = true;
        this.onReady(this);
        return;
      case 'heartbeat':
        this.heartbeatsReceived++;
        if (this.responsive) this.send({ $case: 'heartbeat', value: { sentAtMs: Date.now() } });
        return;
      case 'attach':
        this.attached.push(message.value.callId);
        this.onAttach(this, message.value.callId);
        return;
      case undefined:
        return;
    }
  }
}
