import { randomUUID } from 'node:crypto';
import {
  type ChannelCredentials,
  type ClientDuplexStream,
  Metadata,
  type ServiceError,
  type StatusObject,
  credentials,
} from '@grpc/grpc-js';
import {
  type CallCommand,
  type CallCommandResult,
  CallControlServiceClient,
  type CallSnapshot,
  type SessionRequest,
  type SessionResponse,
  type StreamMediaRequest,
  type StreamMediaResponse,
} from '@warmline/contracts';
import { waitFor } from '@warmline/testing';

type CommandPayload = NonNullable<CallCommand['payload']>;

/** A stream's messages as they arrive, and how it ended. */
export class StreamRecorder<TReq, TRes> {
  readonly received: TRes[] = [];
  /** The final status (OK or the error) once the stream ended. */
  status: StatusObject | undefined;

  constructor(readonly stream: ClientDuplexStream<TReq, TRes>) {
    stream.on('data', (message: TRes) => this.received.push(message));
    stream.on('status', (status: StatusObject) => (this.status = status));
    stream.on('error', () => undefined); // reported through 'status'
  }

  send(message: TReq): void {
    this.stream.write(message);
  }

  /** Waits for a message matching `pick` (received before or after the call). */
  async next<T>(pick: (message: TRes) => T | undefined, timeoutMs = 10_000): Promise<T> {
    return waitFor(() => this.received.map(pick).find((found) => found !== undefined), {
      timeoutMs,
      describe: () => `a matching message (got ${this.received.length})`,
    });
  }

  /** Waits for the stream to end and returns its status. */
  ended(timeoutMs = 10_000): Promise<StatusObject> {
    return waitFor(() => this.status, { timeoutMs, describe: () => 'the stream to end' });
  }

  end(): void {
    this.stream.end();
  }

  cancel(): void {
    this.stream.cancel();
  }
}

/** A session stream. */
export type TestSession = StreamRecorder<SessionRequest, SessionResponse>;
/** A media stream. */
export type TestMedia = StreamRecorder<StreamMediaRequest, StreamMediaResponse>;

/** The incoming calls a session received, in order. */
export const incomingCallsOf = (session: TestSession): CallSnapshot[] =>
  session.received.flatMap((m) =>
    m.message?.$case === 'incomingCall' && m.message.value.call ? [m.message.value.call] : [],
  );

/** A command with a fresh id (or the one given). */
export function callCommand(
  callId: string,
  payload: CommandPayload,
  commandId: string = randomUUID(),
): CallCommand {
  return { commandId, callId, causationId: '', correlationId: '', payload };
}

/**
 * The generated gRPC client with an API key, the way the SDK will use the API; for
 * integration tests until @warmline/sdk exists.
 */
export class SdkTestClient {
  readonly client: InstanceType<typeof CallControlServiceClient>;
  private readonly metadata = new Metadata();

  constructor(
    address: string,
    apiKey: string | null,
    channel: ChannelCredentials = credentials.createInsecure(),
  ) {
    this.client = new CallControlServiceClient(address, channel);
    if (apiKey !== null) this.metadata.set('authorization', `Bearer ${apiKey}`);
  }

  /** Opens a session and says hello (not ready). */
  openSession(connectorIds: string[], sampleRate = 16_000): TestSession {
    const session = new StreamRecorder(this.client.session(this.metadata));
    session.send({
      message: { $case: 'hello', value: { connectorIds, sampleRate, clientName: 'test' } },
    });
    return session;
  }

  openMedia(callId: string, sampleRate: number): TestMedia {
    const media = new StreamRecorder(this.client.streamMedia(this.metadata));
    media.send({ message: { $case: 'open', value: { callId, sampleRate } } });
    return media;
  }

  execute(command: CallCommand): Promise<CallCommandResult> {
    return new Promise((resolve, reject) =>
      this.client.executeCommand({ command }, this.metadata, (error, response) =>
        error ? reject(error) : resolve(response.result!),
      ),
    );
  }

  /** Runs a command with a fresh id. */
  command(callId: string, payload: CommandPayload): Promise<CallCommandResult> {
    return this.execute(callCommand(callId, payload));
  }

  getCall(callId: string): Promise<CallSnapshot> {
    return new Promise((resolve, reject) =>
      this.client.getCall({ callId }, this.metadata, (error, response) =>
        error ? reject(error) : resolve(response.call!),
      ),
    );
  }

  close(): void {
    this.client.close();
  }
}

/** The gRPC error a promise rejects with. */
export const grpcError = (promise: Promise<unknown>): Promise<ServiceError> =>
  promise.then(
    () => {
      throw new Error('expected a gRPC error');
    },
    (error: ServiceError) => error,
  );
