import type { ClientDuplexStream } from '@grpc/grpc-js';
import type {
  CallEvent,
  CallSnapshot,
  SessionHello,
  SessionRequest,
  SessionResponse,
  SessionWelcome,
} from '@warmline/contracts';
import type { Channel } from '../transport/channel';

/** What one session stream reports. */
export interface SessionStreamHandlers {
  welcome(welcome: SessionWelcome): void;
  incomingCall(snapshot: CallSnapshot): void;
  callEvent(event: CallEvent): void;
  /** Any message arrived (heartbeats included): the platform is alive. */
  received(): void;
  /** The stream finished by itself: `error` is the status, undefined when the server ended it cleanly. */
  finished(error: unknown): void;
}

/** One attempt at the control connection: a Session RPC that starts with hello. */
export class SessionStream {
  private readonly call: ClientDuplexStream<SessionRequest, SessionResponse>;
  private done = false;

  constructor(
    channel: Channel,
    hello: SessionHello,
    private readonly handlers: SessionStreamHandlers,
  ) {
    this.call = channel.client.session(channel.metadata());
    this.call.on('data', (response: SessionResponse) => this.dispatch(response));
    this.call.on('error', (error: unknown) => this.finish(error));
    this.call.on('end', () => this.finish(undefined));
    this.send({ $case: 'hello', value: hello });
  }

  /** Sends one message; false when the stream has finished. */
  send(message: NonNullable<SessionRequest['message']>): boolean {
    if (this.done) return false;
    this.call.write({ message });
    return true;
  }

  /** Ends the stream from this side; no `finished` report follows. */
  cancel(): void {
    if (this.done) return;
    this.done = true;
    this.call.cancel();
  }

  private finish(error: unknown): void {
    if (this.done) return;
    this.done = true;
    this.handlers.finished(error);
  }

  private dispatch(response: SessionResponse): void {
    if (this.done) return;
    this.handlers.received();
    const message = response.message;
    switch (message?.$case) {
      case 'welcome':
        this.handlers.welcome(message.value);
        return;
      case 'incomingCall':
        if (message.value.call) this.handlers.incomingCall(message.value.call);
        return;
      case 'callEvent':
        this.handlers.callEvent(message.value);
        return;
      case 'heartbeat':
      case undefined:
        return;
      default: {
        const _newer: never = message;
        return;
      }
    }
  }
}
