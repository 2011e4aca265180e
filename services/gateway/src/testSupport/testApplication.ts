import { type ActiveCall, events, WarmlineClient, WarmlineClientConfig } from '@warmline/sdk';
import { waitFor } from '@warmline/testing';
import { TEST_APP_API_KEY, testConnectorIds } from './realCallControl';

/** The rate the test application speaks and listens at. */
export const APP_RATE = 16_000;

/** What the application saw of one call. */
export interface AppCall {
  readonly call: ActiveCall;
  readonly dtmf: string[];
  /** Caller audio the application received (PCM16 bytes at {@link APP_RATE}). */
  readonly audio: Uint8Array[];
  terminated: string | undefined;
}

/**
 * The application side of a call: an @warmline/sdk client on the real call-control's gRPC
 * API, serving the carrier test numbers. It answers every call at once unless told not to,
 * reads the caller's audio and records keys and the end of each call.
 */
export class TestApplication {
  readonly calls: AppCall[] = [];

  private constructor(
    readonly client: WarmlineClient,
    private readonly autoAnswer: boolean,
  ) {}

  /** Connects, registers the handlers and says ready. */
  static async start(address: string, options: { autoAnswer?: boolean } = {}) {
    const client = new WarmlineClient(
      WarmlineClientConfig.sandbox({
        apiKey: TEST_APP_API_KEY,
        address,
        sampleRate: APP_RATE,
        connectorIds: [...testConnectorIds],
        clientName: 'gateway-test-app',
        commandTimeoutMs: 5_000,
      }),
    );
    const app = new TestApplication(client, options.autoAnswer ?? true);
    client.on(events.INCOMING_CALL, (call: ActiveCall) => app.onIncoming(call));
    await client.ready();
    return app;
  }

  /** The call from `callerNumber`, once it was delivered. */
  callFrom(callerNumber: string, timeoutMs = 15_000): Promise<AppCall> {
    return waitFor(() => this.calls.find((c) => c.call.callerNumber === callerNumber), {
      timeoutMs,
      describe: () => `a call from ${callerNumber} (got ${this.calls.length})`,
    });
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private onIncoming(call: ActiveCall): void {
    const record: AppCall = { call, dtmf: [], audio: [], terminated: undefined };
    this.calls.push(record);
    call.on(events.CALL_DTMF, (_call: ActiveCall, detail: { digit: string }) => {
      record.dtmf.push(detail.digit);
    });
    call.on(events.CALL_TERMINATED, (_call: ActiveCall, detail: { reason: string }) => {
      record.terminated = detail.reason;
    });
    void (async () => {
      if (this.autoAnswer) await call.answer();
      for await (const chunk of call.audioStream()) record.audio.push(chunk);
    })().catch(() => undefined); // a call that ends before it is answered or read: the test checks the events
  }
}
